package com.hotlineops.core.useradmin;

import java.time.Duration;

/**
 * Too many wrong current passwords given to the password change lately (decision 0036); nothing was checked or
 * changed. {@link #retryAfter()} is when the oldest of them leaves the window.
 */
public class TooManyPasswordAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyPasswordAttemptsException(int failures, Duration window, Duration retryAfter) {
        super("The current password was wrong " + failures + " times within " + window.toMinutes()
                + " minutes; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
