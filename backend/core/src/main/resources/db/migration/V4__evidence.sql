-- Photo evidence on tickets (grid workers' progress and finishing reports). The bytes live in the blob store;
-- the same photo uploaded twice to a ticket (a retried upload) is one row.
create table ticket_photo (
    id            uuid primary key,
    ticket_id     uuid not null references ticket (id),
    uploaded_by   uuid not null references app_user (id),
    content_type  text not null,
    size_bytes    bigint not null check (size_bytes > 0),
    sha256        text not null,
    storage_key   text not null,
    created_at    timestamptz not null,
    constraint ticket_photo_content_uk unique (ticket_id, sha256)
);
create index ticket_photo_ticket_idx on ticket_photo (ticket_id, created_at);
