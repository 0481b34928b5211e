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
