-- Partner administration (issue #7, decision 0026).

-- A disabled partner's API keys are refused and its status callbacks wait, queued, until it is enabled again. enabled
-- stays the one flag everything reads; who disabled it and when are shown to administrators.
alter table partner add column disabled_at timestamptz;
alter table partner add column disabled_by text;
alter table partner add constraint partner_disabled_ck check (enabled = (disabled_at is null));

-- Rotating the webhook secret: for the grace period, callbacks carry a second signature made with the secret that was
-- replaced, so a partner can switch its verifier without rejecting any callback. Only the one secret replaced last is
-- kept; it is cleared when a rotation has no grace.
alter table partner add column webhook_secret_rotated_at timestamptz;
alter table partner add column previous_webhook_secret text;
alter table partner add column previous_secret_expires_at timestamptz;

-- What administrators see of each callback: the HTTP status and time of its last attempt, and its replays (a FAILED
-- callback requeued by an administrator starts its attempts again).
alter table webhook_delivery add column last_status integer;
alter table webhook_delivery add column last_attempt_at timestamptz;
alter table webhook_delivery add column replays integer not null default 0;
alter table webhook_delivery add column replayed_at timestamptz;
alter table webhook_delivery add column replayed_by text;

-- A partner's callbacks, newest first, all or of one state (GET …/deliveries?state=), and replaying all FAILED ones.
create index webhook_delivery_partner_idx on webhook_delivery (partner_id, id);
create index webhook_delivery_partner_state_idx on webhook_delivery (partner_id, state, id);
