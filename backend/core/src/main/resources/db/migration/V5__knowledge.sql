-- Policy knowledge base (DESIGN.md §2.5). Chinese text has no spaces, so the search vector holds character
-- unigrams and bigrams of CJK runs plus lower-cased Latin/digit words (built by the application), matched with the
-- 'simple' configuration: a query for 停水 finds 小区已经停水两天了.
create table kb_article (
    id          uuid primary key,
    title       text not null,
    body        text not null,
    category    text,
    owner       text,
    valid_from  date,
    valid_to    date,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    search      tsvector not null
);
create index kb_article_search_idx on kb_article using gin (search);
