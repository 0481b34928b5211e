package com.hotlineops.contract.calendar;

import java.util.Objects;

/**
 * A year of the calendar: {@code OFFICIAL} when its list is loaded, {@code FALLBACK} (Monday–Friday) when none was
 * published.
 *
 * @param listedDays days off and make-up working days on the official list
 * @param editedDays dates an administrator set by hand
 */
public record CalendarYear(int year, DaySource source, int listedDays, int editedDays) {

    public CalendarYear {
        Objects.requireNonNull(source, "source");
        if (source == DaySource.EDITED) {
            throw new IllegalArgumentException("a year is OFFICIAL or FALLBACK");
        }
    }
}
