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
