-- Users change their own password; a password an administrator typed must be changed first (decision 0036).

-- Set when an administrator creates the account or resets its password; cleared when the user changes it. While it is
-- set the account's access tokens carry pwd_change and open nothing but the password change, refresh and logout.
-- Existing accounts (the seeded demo users among them) keep false: nobody is asked to change a password on upgrade.
alter table app_user add column password_change_required boolean not null default false;

-- The user's own change is audited next to the administrators' changes, with the user as the actor.
alter table user_admin_event drop constraint user_admin_event_type_check;
alter table user_admin_event add constraint user_admin_event_type_check
    check (type in ('CREATED', 'UPDATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET', 'PASSWORD_CHANGED'));

-- Wrong current passwords given to the password change, one row each, kept for the rate limit's window (5 in 15
-- minutes, then 429). A row is written before the password is checked and removed when it was right, so attempts
-- running at the same time cannot pass the limit together.
create table password_change_attempt (
    id            bigserial primary key,
    user_id       uuid not null references app_user (id),
    attempted_at  timestamptz not null
);
create index password_change_attempt_user_idx on password_change_attempt (user_id, attempted_at);
