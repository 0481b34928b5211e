package com.hotlineops.server.partner;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed status callback is tried again: {@code initial × 2^(attempt-1)}, at most {@code max}, and not at all
 * after {@code maxAttempts} attempts (decision 0016).
 */
record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("webhook retry needs 0 < initial-backoff <= max-backoff and "
                    + "max-attempts >= 1");
        }
    }

    /** The time of the next attempt after attempt number {@code attempt} (1-based) failed at {@code failedAt}, or null. */
    Instant next(int attempt, Instant failedAt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return failedAt.plus(wait.compareTo(max) > 0 ? max : wait);
    }
}
