-- Who changed which partner, what and when (decision 0038), as user_admin_event does for accounts (decision 0032):
-- immutable, one row per change, written in the change's transaction; a repeat that changes nothing writes none.
-- changes holds each field changed with its value before and after ({"webhookUrl": {"before": …, "after": …}, …}).
-- Never a key, a webhook secret or a hash: a rotation records only that it happened and its grace period.
create table partner_admin_event (
    id           bigserial primary key,
    partner_id   uuid not null references partner (id),
    type         text not null check (type in ('REGISTERED', 'UPDATED', 'DISABLED', 'ENABLED', 'KEY_ROTATED',
                                               'SECRET_ROTATED', 'CALLBACKS_REPLAYED')),
    actor_id     uuid not null,
    actor        text not null,
    occurred_at  timestamptz not null,
    changes      jsonb not null default '{}'
);
-- A partner's changes, newest first, in keyset pages by id (GET /api/v1/admin/partners/{id}/changes).
create index partner_admin_event_partner_idx on partner_admin_event (partner_id, id);
