package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant FAILED = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void waitDoublesFromTheInitialBackoffUpToTheMaximumAndStopsAfterTheLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 12);
        for (int attempt = 1; attempt < 12; attempt++) {
            long expectedSeconds = (long) Math.min(10 * Math.pow(2, attempt - 1), 3600);
            assertThat(schedule.next(attempt, FAILED)).as("after attempt %d", attempt)
                    .isEqualTo(FAILED.plusSeconds(expectedSeconds));
        }
        assertThat(schedule.next(12, FAILED)).isNull();
        assertThat(schedule.next(13, FAILED)).isNull();
    }

    @Test
    void scheduleWithoutAPositiveBackoffOrAttemptIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
