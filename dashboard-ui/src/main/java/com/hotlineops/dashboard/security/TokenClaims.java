package com.hotlineops.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims of a token the backend just answered on our own connection, read without verifying it (the backend
 * verifies every later use).
 */
final class TokenClaims {

    private TokenClaims() {
    }

    /** The claims, or empty when it is not a JWT. */
    static Optional<JsonNode> read(JsonMapper json, String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The {@code pwd_change} claim (decision 0036): the user must change the password an administrator set. */
    static boolean passwordChangeRequired(JsonNode claims) {
        return claims.path("pwd_change").asBoolean(false);
    }
}
