package com.hotlineops.contract.calendar;

import java.time.Instant;
import java.util.Objects;

/** The answer of the clock: the instant at which the asked amount of time has accrued since {@code start}. */
public record DueTime(Instant start, Instant due) {

    public DueTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("due must not be before start");
        }
    }
}
