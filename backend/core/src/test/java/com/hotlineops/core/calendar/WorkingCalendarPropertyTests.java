package com.hotlineops.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.core.sla.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link WorkingCalendar#addWorkingTime} against a deliberately simple second implementation that walks the clock
 * one minute at a time, on the official lists read straight from the holiday-cn JSON files and on random calendars.
 */
class WorkingCalendarPropertyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<LocalDate, Boolean> OFFICIAL = HolidayCnFiles.all();
    private static final Instant FROM = LocalDate.of(2019, 12, 20).atStartOfDay(SHANGHAI).toInstant();
    private static final Instant TO = LocalDate.of(2027, 12, 31).atStartOfDay(SHANGHAI).toInstant();

    /** The second implementation: count working minutes one by one. */
    private static Instant minuteWalk(Map<LocalDate, Boolean> listed, Instant start, long minutes) {
        Instant cursor = start;
        long left = minutes;
        while (left > 0) {
            LocalDate day = LocalDate.ofInstant(cursor, SHANGHAI);
            Boolean l = listed.get(day);
            boolean working = l != null ? l
                    : day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (working) {
                left--;
            }
            cursor = cursor.plusSeconds(60);
        }
        return cursor;
    }

    @Provide
    Arbitrary<Instant> startsOnTheMinute() {
        long minutes = Duration.between(FROM, TO).toMinutes();
        return Arbitraries.longs().between(0, minutes).map(m -> FROM.plusSeconds(60 * m))
                .edgeCases(c -> c.add(LocalDate.of(2024, 2, 4).atStartOfDay(SHANGHAI).toInstant()));
    }

    @Provide
    Arbitrary<Map<LocalDate, Boolean>> randomCalendars() {
        LocalDate base = LocalDate.of(2026, 1, 1);
        return Arbitraries.maps(Arbitraries.integers().between(0, 60).map(base::plusDays), Arbitraries.of(true, false))
                .ofMaxSize(40);
    }

    @Property(tries = 300)
    void officialCalendarAgreesWithTheMinuteWalk(@ForAll("startsOnTheMinute") Instant start,
            @ForAll @LongRange(min = 0, max = 7 * 24 * 60) long minutes) {
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, OFFICIAL);
        assertThat(calendar.addWorkingTime(start, Duration.ofMinutes(minutes)))
                .isEqualTo(minuteWalk(OFFICIAL, start, minutes));
    }

    @Property(tries = 200)
    void anyCalendarAgreesWithTheMinuteWalk(@ForAll("randomCalendars") Map<LocalDate, Boolean> listed,
            @ForAll @LongRange(min = 0, max = 20 * 24 * 60) long startMinute,
            @ForAll @LongRange(min = 0, max = 5 * 24 * 60) long minutes) {
        Instant start = LocalDate.of(2025, 12, 28).atStartOfDay(SHANGHAI).toInstant().plusSeconds(60 * startMinute);
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, new HashMap<>(listed));
        assertThat(calendar.addWorkingTime(start, Duration.ofMinutes(minutes)))
                .isEqualTo(minuteWalk(listed, start, minutes));
    }

    @Property(tries = 500)
    void addingInTwoStepsEqualsAddingOnce(@ForAll("startsOnTheMinute") Instant start,
            @ForAll @LongRange(min = 0, max = 30 * 24 * 60) long a,
            @ForAll @LongRange(min = 0, max = 30 * 24 * 60) long b) {
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, OFFICIAL);
        Instant once = calendar.addWorkingTime(start, Duration.ofMinutes(a + b));
        Instant twice = calendar.addWorkingTime(calendar.addWorkingTime(start, Duration.ofMinutes(a)),
                Duration.ofMinutes(b));
        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 500)
    void moreWorkingTimeIsNeverDueEarlierAndNeverBeforeTheWallClock(@ForAll("startsOnTheMinute") Instant start,
            @ForAll @LongRange(min = 0, max = 30 * 24 * 60) long a,
            @ForAll @LongRange(min = 0, max = 24 * 60) long more) {
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, OFFICIAL);
        Instant due = calendar.addWorkingTime(start, Duration.ofMinutes(a));
        assertThat(calendar.addWorkingTime(start, Duration.ofMinutes(a + more))).isAfterOrEqualTo(due);
        assertThat(due).isAfterOrEqualTo(start.plus(Duration.ofMinutes(a)));
    }

    @Property(tries = 500)
    void workingTimeBetweenUndoesAddingWorkingTime(@ForAll("startsOnTheMinute") Instant start,
            @ForAll @LongRange(min = 0, max = 30 * 24 * 60) long minutes) {
        WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, OFFICIAL);
        Duration amount = Duration.ofMinutes(minutes);
        assertThat(calendar.workingTimeBetween(start, calendar.addWorkingTime(start, amount))).isEqualTo(amount);
    }
}
