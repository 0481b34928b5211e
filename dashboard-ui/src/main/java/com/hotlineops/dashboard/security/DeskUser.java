package com.hotlineops.dashboard.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person signed in to the consoles, as the backend's token says: their roles (DESIGN.md §3) and unit decide the
 * menu; {@link #credentials()} carries the backend tokens every console call presents, so the backend, not this
 * app, enforces what they may see and do.
 */
public record DeskUser(String username, Set<String> roles, UUID unitId, BackendCredentials credentials)
        implements Serializable {

    public DeskUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * The backend's access and refresh tokens of one signed-in user, and whether the access token requires the
     * password change first (its {@code pwd_change} claim, decision 0036). Replaced as a whole when the access token
     * is refreshed or the password changed; a console call that finds it expired refreshes it first.
     */
    public static final class BackendCredentials implements Serializable {

        private record Tokens(String access, String refresh, Instant expiresAt, boolean passwordChangeRequired)
                implements Serializable {
        }

        private volatile Tokens tokens;

        public BackendCredentials(String accessToken, String refreshToken, Instant expiresAt) {
            this(accessToken, refreshToken, expiresAt, false);
        }

        public BackendCredentials(String accessToken, String refreshToken, Instant expiresAt,
                boolean passwordChangeRequired) {
            this.tokens = new Tokens(accessToken, refreshToken, expiresAt, passwordChangeRequired);
        }

        public String accessToken() {
            return tokens.access();
        }

        public String refreshToken() {
            return tokens.refresh();
        }

        public boolean expiresBefore(Instant instant) {
            return tokens.expiresAt().isBefore(instant);
        }

        /** The user must change the password an administrator set before using anything else (decision 0036). */
        public boolean passwordChangeRequired() {
            return tokens.passwordChangeRequired();
        }

        public void replace(String accessToken, String refreshToken, Instant expiresAt,
                boolean passwordChangeRequired) {
            this.tokens = new Tokens(accessToken, refreshToken, expiresAt, passwordChangeRequired);
        }

        @Override
        public String toString() {
            return "BackendCredentials[hidden]";
        }
    }
}
