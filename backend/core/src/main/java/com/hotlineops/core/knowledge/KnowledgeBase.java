package com.hotlineops.core.knowledge;

import com.hotlineops.core.config.HotlineProperties;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Articles and their search. Title terms weigh more than body terms (tsvector weights A and B); results are ranked
 * by {@code ts_rank_cd} among at most {@value #MAX_CANDIDATES} matches and, by default, limited to articles valid
 * today (Asia/Shanghai).
 */
@Service
public class KnowledgeBase {

    static final int MAX_LIMIT = 50;
    static final int MAX_IMPORT = 10_000;
    /**
     * At most this many matches are ranked. A query of one very common word can match a large part of a big
     * library; ranking reads every match's positions, so it is capped to keep the answer fast while the agent types —
     * the next word narrows the matches below the cap, where the ranking is exact.
     */
    static final int MAX_CANDIDATES = 2_000;
    private static final String COLUMNS = "id, title, body, category, owner, valid_from, valid_to, updated_at";

    private final DatabaseClient db;
    private final Clock clock;
    private final ZoneId zone;

    KnowledgeBase(DatabaseClient db, Clock clock, HotlineProperties properties) {
        this.db = db;
        this.clock = clock;
        this.zone = properties.zone();
    }

    public Mono<Article> create(ArticleDraft draft) {
        return save(UUID.randomUUID(), draft, true);
    }

    /**
     * Imports many articles in one statement (a policy library moving in); all or nothing: one bad draft rejects the
     * whole import, naming its position.
     */
    public Mono<Integer> importAll(List<ArticleDraft> drafts) {
        if (drafts.size() > MAX_IMPORT) {
            return Mono.error(new IllegalArgumentException("at most " + MAX_IMPORT + " articles per import"));
        }
        for (int i = 0; i < drafts.size(); i++) {
            String problem = drafts.get(i) == null ? "an article is required" : drafts.get(i).problem();
            if (problem != null) {
                return Mono.error(new IllegalArgumentException("article " + (i + 1) + ": " + problem));
            }
        }
        if (drafts.isEmpty()) {
            return Mono.just(0);
        }
        int n = drafts.size();
        UUID[] ids = new UUID[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] categories = new String[n];
        String[] owners = new String[n];
        LocalDate[] froms = new LocalDate[n];
        LocalDate[] tos = new LocalDate[n];
        String[] titleTerms = new String[n];
        String[] bodyTerms = new String[n];
        for (int i = 0; i < n; i++) {
            ArticleDraft d = drafts.get(i);
            ids[i] = UUID.randomUUID();
            titles[i] = d.title().strip();
            bodies[i] = d.body().strip();
            categories[i] = d.category();
            owners[i] = d.owner();
            froms[i] = d.validFrom();
            tos[i] = d.validTo();
            titleTerms[i] = String.join(" ", ChineseTokens.index(d.title()));
            bodyTerms[i] = String.join(" ", ChineseTokens.index(d.body()));
        }
        return db.sql("""
                        insert into kb_article (id, title, body, category, owner, valid_from, valid_to, created_at,
                                                updated_at, search)
                        select id, title, body, category, owner, valid_from, valid_to, $10, $10,
                               setweight(to_tsvector('simple', title_terms), 'A')
                               || setweight(to_tsvector('simple', body_terms), 'B')
                          from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[],
                                      $7::date[], $8::text[], $9::text[])
                               as a(id, title, body, category, owner, valid_from, valid_to, title_terms, body_terms)""")
                .bind(0, ids).bind(1, titles).bind(2, bodies).bind(3, categories).bind(4, owners).bind(5, froms)
                .bind(6, tos).bind(7, titleTerms).bind(8, bodyTerms)
                .bind(9, clock.instant().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }

    /** Replaces an article; empty if there is none with that id. */
    public Mono<Article> replace(UUID id, ArticleDraft draft) {
        return save(id, draft, false);
    }

    public Mono<Article> find(UUID id) {
        return db.sql("select " + COLUMNS + " from kb_article where id = :id").bind("id", id)
                .map(KnowledgeBase::read).one();
    }

    /**
     * Articles containing every term of the query, best first. A query with no searchable characters finds nothing.
     *
     * @param includeExpired also articles outside their validity dates
     */
    public Flux<SearchHit> search(String query, int limit, boolean includeExpired) {
        List<String> terms = ChineseTokens.query(query == null ? "" : query);
        if (terms.isEmpty()) {
            return Flux.empty();
        }
        String tsquery = String.join(" & ", terms.stream().map(t -> "'" + t + "'").toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return db.sql("""
                        with candidates as (
                            select id from kb_article, to_tsquery('simple', :q) q
                             where search @@ q
                               and (:all or ((valid_from is null or valid_from <= :today)
                                        and (valid_to is null or valid_to >= :today)))
                             limit %d)
                        select %s, ts_rank_cd(search, to_tsquery('simple', :q)) as rank
                          from kb_article join candidates using (id)
                         order by rank desc, updated_at desc
                         limit :limit""".formatted(MAX_CANDIDATES, COLUMNS))
                .bind("q", tsquery)
                .bind("all", includeExpired)
                .bind("today", today)
                .bind("limit", Math.clamp(limit, 1, MAX_LIMIT))
                .map(row -> {
                    Article a = read(row);
                    return new SearchHit(a, row.get("rank", Float.class), excerpt(a, terms));
                })
                .all();
    }

    private Mono<Article> save(UUID id, ArticleDraft d, boolean create) {
        String problem = d == null ? "an article is required" : d.problem();
        if (problem != null) {
            return Mono.error(new IllegalArgumentException(problem));
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String sql = create ? """
                insert into kb_article (id, title, body, category, owner, valid_from, valid_to, created_at, updated_at,
                                        search)
                values (:id, :title, :body, :category, :owner, :from, :to, :now, :now,
                        setweight(to_tsvector('simple', :titleTerms), 'A')
                        || setweight(to_tsvector('simple', :bodyTerms), 'B'))""" : """
                update kb_article set title = :title, body = :body, category = :category, owner = :owner,
                       valid_from = :from, valid_to = :to, updated_at = :now,
                       search = setweight(to_tsvector('simple', :titleTerms), 'A')
                                || setweight(to_tsvector('simple', :bodyTerms), 'B')
                 where id = :id""";
        GenericExecuteSpec spec = db.sql(sql).bind("id", id).bind("title", d.title().strip())
                .bind("body", d.body().strip()).bind("now", now)
                .bind("titleTerms", String.join(" ", ChineseTokens.index(d.title())))
                .bind("bodyTerms", String.join(" ", ChineseTokens.index(d.body())));
        spec = d.category() == null ? spec.bindNull("category", String.class) : spec.bind("category", d.category());
        spec = d.owner() == null ? spec.bindNull("owner", String.class) : spec.bind("owner", d.owner());
        spec = d.validFrom() == null ? spec.bindNull("from", LocalDate.class) : spec.bind("from", d.validFrom());
        spec = d.validTo() == null ? spec.bindNull("to", LocalDate.class) : spec.bind("to", d.validTo());
        return spec.fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.empty() : find(id));
    }

    /** Up to 80 characters of the body around the first term found, for the agent's result list. */
    static String excerpt(Article a, List<String> terms) {
        String body = a.body();
        int at = terms.stream().mapToInt(t -> body.toLowerCase(java.util.Locale.ROOT).indexOf(t))
                .filter(i -> i >= 0).min().orElse(0);
        int from = Math.max(0, at - 20);
        int to = Math.min(body.length(), from + 80);
        return (from > 0 ? "…" : "") + body.substring(from, to) + (to < body.length() ? "…" : "");
    }

    private static Article read(Readable row) {
        return new Article(row.get("id", UUID.class), row.get("title", String.class), row.get("body", String.class),
                row.get("category", String.class), row.get("owner", String.class),
                row.get("valid_from", LocalDate.class), row.get("valid_to", LocalDate.class),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
