package com.hotlineops.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.core.sla.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The clock of DESIGN.md §2.3 on the shipped official lists, on real dates (expected values worked out by hand). */
class OfficialCalendarClockTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, OfficialDays.load().stream()
            .collect(Collectors.toMap(OfficialDays.Listed::date, OfficialDays.Listed::working)));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private Instant days(String start, int n) {
        return calendar.addWorkingDays(at(start), n);
    }

    @Test
    void springFestival2024FridayBeforeTheBreakThenDueOnTheMakeUpSundayAfterIt() {
        // off 02-10..02-17, make-up Sunday 02-18: 14 h on Friday, 10 h on Sunday the 18th
        assertThat(days("2024-02-09T10:00", 1)).isEqualTo(at("2024-02-18T10:00"));
    }

    @Test
    void startOnMakeUpSunday2024ThenTheSundayCountsAsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(days("2024-02-04T09:00", 3)).isEqualTo(at("2024-02-07T09:00"));
    }

    @Test
    void startInsideNationalDay2024ThenClockWaitsForTheFirstWorkingDay() {
        // off 10-01..10-07: the whole of Tuesday 10-08 is the one working day
        assertThat(days("2024-10-03T15:00", 1)).isEqualTo(at("2024-10-09T00:00"));
        assertThat(days("2024-09-30T12:00", 3)).isEqualTo(at("2024-10-10T12:00"));
    }

    @Test
    void springFestival2025SkipsTheWholeBreakForDaysAndForWorkingHours() {
        assertThat(days("2025-01-27T17:00", 1)).isEqualTo(at("2025-02-05T17:00"));
        assertThat(calendar.addWorkingTime(at("2025-01-27T23:00"), Duration.ofHours(2)))
                .isEqualTo(at("2025-02-05T01:00"));
    }

    @Test
    void nationalDay2025UsesTheMakeUpSundayBeforeAndTheMakeUpSaturdayAfter() {
        assertThat(days("2025-09-26T17:00", 1)).isEqualTo(at("2025-09-28T17:00"));
        assertThat(days("2025-09-30T09:00", 3)).isEqualTo(at("2025-10-11T09:00"));
    }

    @Test
    void springFestival2026FromTheMakeUpSaturdayWithSevenWorkingDays() {
        assertThat(days("2026-02-13T17:00", 1)).isEqualTo(at("2026-02-14T17:00"));
        // 14 h on Sat 02-14, off 02-15..02-23, 02-24..02-28 (Sat make-up) and Mon 03-02 whole, 10 h on 03-03
        assertThat(days("2026-02-14T10:00", 7)).isEqualTo(at("2026-03-03T10:00"));
    }

    @Test
    void nationalDay2026SkipsTheBreakAndCountsTheMakeUpDays() {
        assertThat(days("2026-09-30T10:00", 1)).isEqualTo(at("2026-10-08T10:00"));
        assertThat(days("2026-09-20T08:00", 1)).isEqualTo(at("2026-09-21T08:00"));
        assertThat(days("2026-10-09T17:00", 1)).isEqualTo(at("2026-10-10T17:00"));
    }

    @Test
    void spanCrossingInto2027FallsBackToMondayToFridaySoNewYearsDayCounts() {
        // No list for 2027: Friday 2027-01-01 is a working day under the fallback
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(days("2026-12-31T12:00", 3)).isEqualTo(at("2027-01-05T12:00"));
    }

    @Test
    void covidExtension2020ThenNoMakeUpSaturdayOnFebruaryFirst() {
        assertThat(days("2020-01-23T18:00", 1)).isEqualTo(at("2020-02-03T18:00"));
    }

    @Test
    void designExamplesHoldOnAnOrdinaryWeekOf2026() {
        assertThat(days("2026-11-20T17:00", 1)).isEqualTo(at("2026-11-23T17:00"));
        assertThat(days("2026-11-21T10:00", 1)).isEqualTo(at("2026-11-24T00:00"));
    }

    @Test
    void hoursRunOnTheWallClockThroughHolidays() {
        assertThat(calendar.add(at("2024-10-01T10:00"), 30, DurationUnit.HOURS)).isEqualTo(at("2024-10-02T16:00"));
        assertThat(calendar.add(at("2024-10-01T10:00"), 2, DurationUnit.WORKING_HOURS))
                .isEqualTo(at("2024-10-08T02:00"));
    }
}
