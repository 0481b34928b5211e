package com.hotlineops.contract.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of the calendar.
 *
 * @param name the holiday's name when the date is listed (e.g. 春节), else null
 */
public record CalendarDay(LocalDate date, boolean working, String name, DaySource source) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }
}
