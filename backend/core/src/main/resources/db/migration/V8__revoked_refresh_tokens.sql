-- Refresh tokens revoked by a logout before they expire (by their jti). A row is useless once the token has expired
-- anyway, so rows are removed after expires_at.
create table revoked_refresh_token (
    jti         text primary key,
    user_id     uuid not null,
    expires_at  timestamptz not null
);
create index revoked_refresh_token_expiry_idx on revoked_refresh_token (expires_at);
