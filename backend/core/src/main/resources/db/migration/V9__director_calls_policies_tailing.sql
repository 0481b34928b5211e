-- Calls a director answered while on shift (DESIGN.md §2.7): the CALL_ANSWERED agent id is the shift's seat or the
-- director's username, at an instant inside the shift. Written in the CTI ingest transaction and, for calls stored
-- before the shift was entered, when a shift is created or moved. A deleted shift takes its calls with it.
create table director_call (
    call_id     text primary key,
    shift_id    uuid not null references director_shift (id) on delete cascade,
    director_id uuid not null references app_user (id),
    agent_id    text not null,
    answered_at timestamptz not null
);
create index director_call_director_idx on director_call (director_id, answered_at desc);
create index director_call_shift_idx on director_call (shift_id);
create index director_shift_span_idx on director_shift (starts_at, ends_at);

-- SLA policies are edited by administrators (GET/PUT /api/v1/sla/policies): who changed a policy last, and when.
alter table sla_policy add column updated_at timestamptz;
alter table sla_policy add column updated_by text;

-- How far a tailed CTI file (Asterisk queue_log, HOTLINE_QUEUE_LOG_FILE) has been read: saved after the events of the
-- lines before `position` committed, so a restart resumes there (a crash in between re-reads lines whose event ids
-- are already stored). file_key identifies the file (device and inode), so a rotated or replaced file starts at 0.
create table cti_file_offset (
    path        text primary key,
    file_key    text not null,
    position    bigint not null check (position >= 0),
    updated_at  timestamptz not null
);
