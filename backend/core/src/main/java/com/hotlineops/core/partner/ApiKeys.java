package com.hotlineops.core.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys of the form {@code hop.<keyId>.<secret>}: a public 16-hex-digit id that finds the stored row, and 256 random
 * bits. Only the SHA-256 of the whole key is stored; with that much entropy a plain hash cannot be reversed or guessed,
 * and unlike BCrypt it costs nothing per request. The comparison is constant-time.
 */
final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "hop";

    private ApiKeys() {
    }

    record Issued(String keyId, String key, byte[] hash) {
    }

    static Issued issue() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        String key = PREFIX + "." + keyId + "." + randomToken(32);
        return new Issued(keyId, key, sha256(key));
    }

    /** A random URL-safe token of {@code bytes} random bytes (also used for webhook secrets). */
    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The key id of a well-formed key, or null: a malformed key is simply not found. */
    static String keyIdOf(String key) {
        if (key == null || key.length() > 100) {
            return null;
        }
        String[] parts = key.strip().split("\\.", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0]) || !parts[1].matches("[0-9a-f]{16}") || parts[2].isEmpty()) {
            return null;
        }
        return parts[1];
    }

    static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(sha256(presented.strip()), storedHash);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
