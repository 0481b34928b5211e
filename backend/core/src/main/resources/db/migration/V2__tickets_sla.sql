-- Working-day calendar (DESIGN.md §2.3). One row per date that differs from, or was set over, Monday–Friday:
-- the official lists (seeded at start from calendar/cn-official-days.csv) and administrators' edits. A date without a
-- row follows Monday–Friday; a year without any official row has no published list (fallback, reported as such).
create table calendar_day (
    day               date primary key,
    working           boolean not null,
    name              text,
    source            text not null check (source in ('OFFICIAL', 'EDITED')),
    official_working  boolean,
    official_name     text,
    updated_by        text,
    updated_at        timestamptz not null,
    constraint calendar_day_official_ck check (source <> 'OFFICIAL' or official_working is not null)
);

-- Before/after values of a ticket event that changes more than the state (e.g. deadlines moved by the calendar).
alter table ticket_event add column detail jsonb;

-- Lifecycle overlays of DESIGN.md §2.2: where a return was requested from (a rejected return goes back there),
-- revisit attempts (three unreachable ones close the ticket), the parent of a merged ticket, the emergency number of
-- a transferred matter, and mark & track tags (PROMISED, UNSATISFIED).
alter table ticket
    add column return_from      text,
    add column revisit_attempts integer not null default 0,
    add column merged_into      uuid references ticket (id),
    add column emergency_number text,
    add column tags             text[] not null default '{}';

-- Overlays on the finish clock (DESIGN.md §2.2–2.3): a pending extension request (延期, requested before the due
-- time, approved by a dispatcher), the working days granted so far, and pauses (waiting for the citizen): while
-- paused_at is set the finish clock stands still; paused_working_seconds is the working time spent paused so far.
alter table ticket
    add column extension_days_requested integer,
    add column extension_reason         text,
    add column extended_days            integer not null default 0,
    add column paused_at                timestamptz,
    add column paused_working_seconds   bigint not null default 0;

-- SLA policies as data (DESIGN.md §2.3): per ticket grade the sign-for and finish limits (from dispatch); REVISIT is
-- the revisit limit after the audit. Units: WORKING_DAYS, WORKING_HOURS, HOURS (wall clock). Read at start.
create table sla_policy (
    kind            text primary key,
    sign_for_amount integer,
    sign_for_unit   text check (sign_for_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'HOURS')),
    finish_amount   integer not null check (finish_amount >= 0),
    finish_unit     text not null check (finish_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'HOURS'))
);
insert into sla_policy (kind, sign_for_amount, sign_for_unit, finish_amount, finish_unit) values
    ('IMMEDIATE', 2, 'WORKING_HOURS', 1, 'WORKING_DAYS'),
    ('STANDARD', 2, 'WORKING_HOURS', 3, 'WORKING_DAYS'),
    ('ENTERPRISE_GENERAL', 2, 'WORKING_HOURS', 1, 'WORKING_DAYS'),
    ('ENTERPRISE_COMPLEX', 2, 'WORKING_HOURS', 7, 'WORKING_DAYS'),
    ('REVISIT', null, null, 1, 'WORKING_DAYS');

-- One row per SLA clock of a ticket (SIGN_FOR, FINISH, REVISIT), kept in step with the ticket by every command.
-- at_risk_at is the instant at which 75 % of the allotted (working) time is used. The *_notified_at columns make the
-- AT_RISK and OVERDUE events fire exactly once per clock across instances: the sweeper sets them with
-- "... where notified_at is null returning" in the transaction that appends the event.
create table ticket_sla_clock (
    ticket_id            uuid not null references ticket (id),
    clock                text not null check (clock in ('SIGN_FOR', 'FINISH', 'REVISIT')),
    started_at           timestamptz not null,
    due_at               timestamptz,
    at_risk_at           timestamptz,
    stopped_at           timestamptz,
    at_risk_notified_at  timestamptz,
    overdue_notified_at  timestamptz,
    primary key (ticket_id, clock)
);
create index ticket_sla_clock_running_idx on ticket_sla_clock (due_at) where stopped_at is null;

-- Supervision (督办): raised automatically when a clock goes overdue, or by a supervisor.
alter table ticket add column supervised_at timestamptz;

-- Directors' hotline shifts (DESIGN.md §2.7). Tickets a director creates while on shift are director-taken
-- (taken_by_director + tag DIRECTOR_TAKEN) and tracked on their page.
create table director_shift (
    id           uuid primary key,
    director_id  uuid not null references app_user (id),
    unit_id      uuid references org_unit (id),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    seat         text,
    created_by   text not null,
    created_at   timestamptz not null,
    constraint director_shift_span_ck check (ends_at > starts_at)
);
create index director_shift_director_idx on director_shift (director_id, starts_at);
alter table ticket add column taken_by_director uuid references app_user (id);
