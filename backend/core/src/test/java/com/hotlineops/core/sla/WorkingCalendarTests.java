package com.hotlineops.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private final WorkingCalendar mondayToFriday = new WorkingCalendar(SHANGHAI, Map.of());

    @Test
    void dispatchedFridayAfternoonWithOneWorkingDayThenDueMondaySameTime() {
        // DESIGN.md §2.3: dispatched Friday 17:00, 1 working day → due Monday 17:00
        assertThat(mondayToFriday.addWorkingDays(at("2026-11-20T17:00"), 1)).isEqualTo(at("2026-11-23T17:00"));
    }

    @Test
    void dispatchedSaturdayWithOneWorkingDayThenDueTuesdayMidnight() {
        // DESIGN.md §2.3: dispatched Saturday 10:00 → due Tuesday 00:00 (end of Monday)
        assertThat(mondayToFriday.addWorkingDays(at("2026-11-21T10:00"), 1)).isEqualTo(at("2026-11-24T00:00"));
    }

    @Test
    void twoWorkingHoursFromLateFridayThenRunIntoMonday() {
        assertThat(mondayToFriday.addWorkingTime(at("2026-11-20T23:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-23T01:00"));
    }

    @Test
    void listedHolidayIsSkippedAndListedMakeUpSundayCounts() {
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, Map.of(
                LocalDate.parse("2026-11-23"), false,
                LocalDate.parse("2026-11-22"), true));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-22"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-23"))).isFalse();
        // Friday 17:00 + 1 day: 7 h Friday, make-up Sunday gives the remaining 17 h
        assertThat(calendar.addWorkingDays(at("2026-11-20T17:00"), 1)).isEqualTo(at("2026-11-22T17:00"));
        // Saturday start: Sunday counts whole, Monday is off → due at the end of Sunday
        assertThat(calendar.addWorkingDays(at("2026-11-21T10:00"), 1)).isEqualTo(at("2026-11-23T00:00"));
    }

    @Test
    void zeroAmountThenStartItselfAndNegativeThenRejected() {
        Instant start = at("2026-11-21T10:00");
        assertThat(mondayToFriday.addWorkingTime(start, Duration.ZERO)).isEqualTo(start);
        assertThatThrownBy(() -> mondayToFriday.addWorkingTime(start, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
