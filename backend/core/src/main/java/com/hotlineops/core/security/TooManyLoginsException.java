package com.hotlineops.core.security;

import java.time.Duration;

/**
 * Too many failed logins lately for the username given, or from the client's address (decision 0037); the password
 * was not checked. {@link #retryAfter()} is when one more attempt will be let through. The message says which limit,
 * never whether the account exists.
 */
public class TooManyLoginsException extends RuntimeException {

    /** The problem type's last part, the same on the backend and the mobile API. */
    public static final String CODE = "too-many-logins";
    public static final String TITLE = "Too many failed logins";

    private final Duration retryAfter;

    public TooManyLoginsException(boolean fromAddress, Duration retryAfter) {
        super((fromAddress ? "Too many failed logins from this address" : "Too many failed logins for this username")
                + "; try again in " + seconds(retryAfter) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The Retry-After value: whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
