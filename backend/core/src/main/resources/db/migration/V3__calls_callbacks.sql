-- Missed-call callback queue (漏话回拨, DESIGN.md §2.4).

-- Finding a caller's later calls: did they get through after abandoning?
create index call_event_caller_idx on call_event (caller_number) where caller_number is not null;

-- One task per caller number while open: later long abandons of that number merge into it.
create table callback_task (
    id                 uuid primary key,
    caller_number      text not null,
    queue              text not null,
    first_abandoned_at timestamptz not null,
    last_abandoned_at  timestamptz not null,
    due_at             timestamptz not null,
    status             text not null check (status in ('OPEN', 'REACHED', 'CALLER_REACHED_US', 'NOT_REACHED')),
    merged_calls       integer not null default 1,
    attempts           integer not null default 0 check (attempts between 0 and 3),
    claimed_by         text,
    claimed_at         timestamptz,
    first_attempt_at   timestamptz,
    closed_at          timestamptz,
    created_at         timestamptz not null,
    version            bigint not null default 1
);
create unique index callback_task_open_number_uk on callback_task (caller_number) where status = 'OPEN';
create index callback_task_closed_idx on callback_task (closed_at) where closed_at is not null;

-- Each long-abandoned call is turned into (or merged into) a task once, whichever instance sees it first.
create table callback_call (
    call_id       text primary key,
    task_id       uuid not null references callback_task (id),
    abandoned_at  timestamptz not null
);

-- Attempts by staff, at most 3 per task.
create table callback_attempt (
    task_id      uuid not null references callback_task (id),
    number       integer not null check (number between 1 and 3),
    outcome      text not null check (outcome in ('REACHED', 'NO_ANSWER', 'BUSY')),
    attempted_by text not null,
    attempted_at timestamptz not null,
    primary key (task_id, number)
);
