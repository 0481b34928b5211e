-- Login throttling (decision 0037): failed logins are counted per username and per client address, like the wrong
-- current passwords of the own password change (decision 0036), in one table for all three.

-- One row per failure still inside its limit's window. A row is written before the password is checked, under an
-- advisory lock on (scope, subject), and removed again when the password was right, so attempts running at the same
-- time cannot pass a limit together. subject: the account id for PASSWORD_CHANGE, the SHA-256 (hex) of the username
-- as typed for LOGIN_USERNAME (whether or not such an account exists; a password typed into the username field is not
-- kept readable), the client address for LOGIN_ADDRESS. Rows older than their window are pruned as attempts come in.
create table failed_attempt (
    id            bigserial primary key,
    scope         text not null check (scope in ('PASSWORD_CHANGE', 'LOGIN_USERNAME', 'LOGIN_ADDRESS')),
    subject       text not null,
    attempted_at  timestamptz not null
);
create index failed_attempt_subject_idx on failed_attempt (scope, subject, attempted_at);
create index failed_attempt_age_idx on failed_attempt (scope, attempted_at);

insert into failed_attempt (scope, subject, attempted_at)
    select 'PASSWORD_CHANGE', user_id::text, attempted_at from password_change_attempt;
drop table password_change_attempt;

-- An administrator lifting an account's login throttle is audited next to the other changes.
alter table user_admin_event drop constraint user_admin_event_type_check;
alter table user_admin_event add constraint user_admin_event_type_check
    check (type in ('CREATED', 'UPDATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'UNLOCKED'));
