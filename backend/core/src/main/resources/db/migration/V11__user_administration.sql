-- User administration (decision 0032).

-- Refresh tokens carry the generation of their user's tokens; disabling a user, changing their roles, unit or grid,
-- or resetting their password moves the generation on, so every refresh token issued before is refused. Tokens issued
-- before this column existed carry none and count as generation 0.
alter table app_user add column token_generation integer not null default 0;
alter table app_user add column created_at timestamptz;
alter table app_user add column updated_at timestamptz;

-- The user list: filtered by role, unit, grid, enabled, ordered and paged by username.
create index app_user_roles_idx on app_user using gin (roles);
create index app_user_unit_idx on app_user (unit_id);
create index app_user_grid_idx on app_user (grid_id);

-- Who changed which account, what and when: immutable, one row per change. changes holds the fields changed with
-- their values before and after ({"roles": {"before": [...], "after": [...]}, ...}); never a password or its hash.
create table user_admin_event (
    id           bigserial primary key,
    user_id      uuid not null references app_user (id),
    type         text not null check (type in ('CREATED', 'UPDATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET')),
    actor_id     uuid not null,
    actor        text not null,
    occurred_at  timestamptz not null,
    changes      jsonb not null default '{}'
);
create index user_admin_event_user_idx on user_admin_event (user_id, id);
