-- Organisation tree: district → township/street → grid, plus departments (DESIGN.md §2.2 direct dispatch).
create table org_unit (
    id          uuid primary key,
    parent_id   uuid references org_unit (id),
    kind        text not null check (kind in ('DISTRICT', 'TOWNSHIP', 'GRID', 'DEPARTMENT')),
    code        text not null unique,
    name        text not null
);
create index org_unit_parent_idx on org_unit (parent_id);

-- People who log in. Passwords are BCrypt hashes; roles per DESIGN.md §3.
create table app_user (
    id            uuid primary key,
    username      text not null unique,
    password_hash text not null,
    display_name  text not null,
    roles         text[] not null,
    unit_id       uuid references org_unit (id),
    grid_id       uuid references org_unit (id),
    enabled       boolean not null default true
);

-- Human-readable ticket numbers: yyyyMMdd (Asia/Shanghai) + 6-digit daily sequence.
create table ticket_number_seq (
    day  date primary key,
    last integer not null
);

create table ticket (
    id             uuid primary key,
    number         text not null unique,
    channel        text not null,
    external_id    text,
    status         text not null,
    grade          text not null,
    title          text not null,
    content        text not null,
    category_code  text,
    location       text,
    citizen_name   text,
    citizen_phone  text,
    unit_id        uuid references org_unit (id),
    grid_id        uuid references org_unit (id),
    assignee_id    uuid references app_user (id),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    dispatched_at  timestamptz,
    accept_due     timestamptz,
    finish_due     timestamptz,
    version        bigint not null,
    constraint ticket_channel_external_uk unique (channel, external_id)
);
create index ticket_open_idx on ticket (status) where status not in ('CLOSED', 'TRANSFERRED_EMERGENCY', 'MERGED');
create index ticket_grid_idx on ticket (grid_id, status);
create index ticket_assignee_idx on ticket (assignee_id, status);

-- The ticket's history: immutable, one row per change.
create table ticket_event (
    id           bigserial primary key,
    ticket_id    uuid not null references ticket (id),
    version      bigint not null,
    type         text not null,
    actor        text not null,
    occurred_at  timestamptz not null,
    from_status  text,
    to_status    text not null,
    reason       text,
    constraint ticket_event_version_uk unique (ticket_id, version)
);

-- Client command ids of mobile and console commands: a retry returns the first result.
create table ticket_command (
    command_id  uuid primary key,
    actor_id    uuid not null,
    ticket_id   uuid not null references ticket (id),
    action      text not null,
    result      jsonb not null,
    created_at  timestamptz not null
);

-- CTI facts (DESIGN.md §2.4), idempotent on event_id.
create table call_event (
    event_id      text primary key,
    type          text not null,
    call_id       text,
    queue         text,
    occurred_at   timestamptz not null,
    caller_number text,
    agent_id      text,
    agent_state   text,
    received_at   timestamptz not null default now()
);
create index call_event_call_idx on call_event (call_id);
create index call_event_occurred_idx on call_event (occurred_at);

-- Transactional outbox: written in the same transaction as the change, relayed in order to the Redis stream.
create table outbox (
    id          bigserial primary key,
    topic       text not null,
    payload     jsonb not null,
    created_at  timestamptz not null default now()
);

create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('hotline_outbox', '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();
