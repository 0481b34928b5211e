package com.hotlineops.dashboard.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token Prometheus presents to scrape the metrics ({@code HOTLINE_METRICS_TOKEN}, decision 0030): a
 * random secret shared with the backend and mobile-api, worth nothing but reading {@code /actuator/prometheus}. Not
 * configured (empty), no request has it. Compared by digest, in constant time. (The backend's and mobile-api's twin
 * lives in their shared core, which this app does not use.)
 */
final class ScrapeCredential {

    static final String AUTHORITY = "METRICS_SCRAPE";
    static final int MIN_LENGTH = 32;

    private final byte[] digest;

    private ScrapeCredential(byte[] digest) {
        this.digest = digest;
    }

    /**
     * The credential configured, or none for an empty value.
     *
     * @throws IllegalArgumentException for a value shorter than {@value #MIN_LENGTH} characters
     */
    static ScrapeCredential of(String configured) {
        if (configured == null || configured.isBlank()) {
            return new ScrapeCredential(null);
        }
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("HOTLINE_METRICS_TOKEN must be at least " + MIN_LENGTH
                    + " characters (a random secret that Prometheus presents as its bearer token)");
        }
        return new ScrapeCredential(sha256(configured));
    }

    boolean configured() {
        return digest != null;
    }

    boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
