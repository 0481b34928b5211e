package com.hotlineops.contract.calendar;

import java.util.Objects;

/**
 * The date as it now is, and how many open tickets had a deadline moved by the change.
 */
public record DayEditResult(CalendarDay day, int ticketsMoved) {

    public DayEditResult {
        Objects.requireNonNull(day, "day");
    }
}
