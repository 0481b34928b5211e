-- Partner systems that deliver requests on their own channels (DESIGN.md §2.1): 12315, 政协云, the city app, Open311
-- clients … Each may submit only on its channels. The webhook secret signs status callbacks, so it is kept as issued;
-- API keys are not: only the SHA-256 of each key is stored, next to the public key id that finds it.
create table partner (
    id              uuid primary key,
    name            text not null unique,
    channels        text[] not null,
    webhook_url     text,
    webhook_secret  text not null,
    enabled         boolean not null default true,
    created_at      timestamptz not null,
    created_by      text not null
);

create table partner_key (
    key_id      text primary key,
    partner_id  uuid not null references partner (id),
    key_hash    bytea not null,
    created_at  timestamptz not null,
    -- null: valid; otherwise the key works until then (a rotation leaves the old key a grace period).
    expires_at  timestamptz
);
create index partner_key_partner_idx on partner_key (partner_id);

-- Status callbacks to partners (decision 0016). A row is written by the trigger below in the transaction that changes
-- a partner's ticket, so no change can commit without its callback; deliverers claim due rows with
-- FOR UPDATE SKIP LOCKED and a lease, retry with exponential backoff, and give up (FAILED) after a bounded number of
-- attempts. event_id is what the partner deduplicates on.
create table webhook_delivery (
    id               bigserial primary key,
    event_id         uuid not null unique,
    partner_id       uuid not null references partner (id),
    ticket_id        uuid not null references ticket (id),
    ticket_version   bigint not null,
    external_id      text,
    ticket_number    text not null,
    status           text not null,
    occurred_at      timestamptz not null,
    state            text not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    leased_until     timestamptz,
    last_error       text,
    delivered_at     timestamptz,
    constraint webhook_delivery_change_uk unique (partner_id, ticket_id, ticket_version)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';

-- A ticket belongs to the partner that created it: its first event's actor is 'partner:<name>'. Every later event that
-- changes the ticket's status queues one callback to that partner, if it has a webhook URL (the creation itself is
-- answered by the intake response).
create function partner_webhook_enqueue() returns trigger language plpgsql as $$
begin
    if new.from_status is null or new.from_status = new.to_status then
        return null;
    end if;
    insert into webhook_delivery (event_id, partner_id, ticket_id, ticket_version, external_id, ticket_number, status,
                                  occurred_at, next_attempt_at)
    select gen_random_uuid(), p.id, t.id, new.version, t.external_id, t.number, new.to_status, new.occurred_at,
           new.occurred_at
      from ticket t
      join ticket_event first on first.ticket_id = t.id and first.version = 1
      join partner p on first.actor = 'partner:' || p.name
     where t.id = new.ticket_id and p.webhook_url is not null
    on conflict do nothing;
    return null;
end $$;

create trigger partner_webhook_enqueue after insert on ticket_event
    for each row execute function partner_webhook_enqueue();

-- The extra form fields (Open311 service definition attributes) of some categories of the shipped category tree
-- (core/category). Categories without a row have none.
create table open311_service_attribute (
    category_code  text primary key,
    attributes     jsonb not null
);

insert into open311_service_attribute (category_code, attributes) values
    ('0101', '[{"variable": true, "code": "POLE", "datatype": "string", "required": false, "datatype_description": "灯杆、井盖或设施上的编号", "order": 1, "description": "设施编号（如有）"}]'),
    ('0104', '[{"variable": true, "code": "SINCE", "datatype": "singlevaluelist", "required": false, "datatype_description": null, "order": 1, "description": "停水多久了", "values": [{"key": "TODAY", "name": "今天"}, {"key": "DAYS", "name": "一至三天"}, {"key": "LONGER", "name": "三天以上"}]}]'),
    ('0201', '[{"variable": true, "code": "SOURCE", "datatype": "singlevaluelist", "required": true, "datatype_description": null, "order": 1, "description": "噪声来源", "values": [{"key": "CONSTRUCTION", "name": "建筑施工"}, {"key": "BUSINESS", "name": "商业经营"}, {"key": "ENTERTAINMENT", "name": "娱乐场所"}, {"key": "OTHER", "name": "其他"}]}]');

-- What an Open311 GeoReport v2 request carried beyond the ticket (location as coordinates, media) and the token that
-- resolves to its service_request_id. The submitter's name, phone and e-mail stay on the ticket / are not kept.
create table open311_request (
    ticket_id    uuid primary key references ticket (id),
    token        uuid not null unique,
    partner_id   uuid not null references partner (id),
    -- a category code, or EMERGENCY for a matter transferred to 110/119/120/122 (no category: not a ticket)
    service_code text not null,
    lat          double precision,
    long         double precision,
    address_id   text,
    media_url    text,
    attributes   jsonb not null default '{}'
);

-- Open311 search lists OPEN311 tickets by requested time.
create index ticket_channel_created_idx on ticket (channel, created_at);
