package com.hotlineops.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The bearer token Prometheus presents to scrape an app's metrics ({@code HOTLINE_METRICS_TOKEN}, decision 0030): a
 * random secret shared by the apps and the Prometheus server, worth nothing but {@link #AUTHORITY}, which only the
 * metrics endpoint accepts. Not configured (empty), no request has it. Compared by digest, in constant time.
 */
public final class ScrapeCredential {

    /** The one thing the credential grants: reading {@code /actuator/prometheus}. */
    public static final String AUTHORITY = "METRICS_SCRAPE";
    /** As short as the JWT key may be: guessing it must be as hopeless. */
    public static final int MIN_LENGTH = 32;

    private final byte[] digest;

    private ScrapeCredential(byte[] digest) {
        this.digest = digest;
    }

    /**
     * The credential configured, or none for an empty value.
     *
     * @throws IllegalArgumentException for a value shorter than {@value #MIN_LENGTH} characters
     */
    public static ScrapeCredential of(String configured) {
        if (configured == null || configured.isBlank()) {
            return new ScrapeCredential(null);
        }
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("HOTLINE_METRICS_TOKEN must be at least " + MIN_LENGTH
                    + " characters (a random secret that Prometheus presents as its bearer token)");
        }
        return new ScrapeCredential(sha256(configured));
    }

    public boolean configured() {
        return digest != null;
    }

    /** Whether {@code presented} is the credential; always false when none is configured. */
    public boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /**
     * Accepts the credential as a bearer token, granting {@link #AUTHORITY} only; any other bearer token goes to
     * {@code otherwise} (the JWT verifier), so a user's token still authenticates and is then judged by its roles.
     */
    public ReactiveAuthenticationManager orElse(ReactiveAuthenticationManager otherwise) {
        return authentication -> authentication instanceof BearerTokenAuthenticationToken bearer
                && matches(bearer.getToken()) ? Mono.just(scraper()) : otherwise.authenticate(authentication);
    }

    private static Authentication scraper() {
        return UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
