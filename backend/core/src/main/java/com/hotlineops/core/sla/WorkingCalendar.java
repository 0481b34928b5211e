package com.hotlineops.core.sla;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.core.config.HotlineProperties;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The working-day clock of DESIGN.md §2.3. A working day is a Monday–Friday not listed as off, or a listed make-up
 * working day (调休上班). Working time accrues 24 h per working day and nothing on other days, so
 * {@code add(start, N days)} is the instant at which N×24 h of working time have accrued since {@code start}.
 *
 * <p>The official lists are loaded by the calendar feature ({@code core.calendar}), which replaces the exceptions
 * whenever the calendar changes; without them the calendar is Monday–Friday.
 */
@Component
public class WorkingCalendar {

    private final ZoneId zone;
    private volatile Map<LocalDate, Boolean> exceptions;

    @Autowired
    WorkingCalendar(HotlineProperties properties) {
        this(properties.zone(), Map.of());
    }

    public WorkingCalendar(ZoneId zone, Map<LocalDate, Boolean> exceptions) {
        this.zone = zone;
        this.exceptions = Map.copyOf(exceptions);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Replaces the listed exceptions: {@code true} = make-up working day, {@code false} = day off. */
    public void setExceptions(Map<LocalDate, Boolean> newExceptions) {
        this.exceptions = Map.copyOf(newExceptions);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean listed = exceptions.get(date);
        if (listed != null) {
            return listed;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The instant at which {@code amount} of working time has accrued since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        ZonedDateTime cursor = start.atZone(zone);
        Duration remaining = amount;
        while (true) {
            ZonedDateTime endOfDay = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(cursor.toLocalDate())) {
                Duration available = Duration.between(cursor, endOfDay);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.plus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
            cursor = endOfDay;
        }
    }

    /** The working time that accrues in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        while (cursor.toInstant().isBefore(to)) {
            ZonedDateTime endOfDay = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
            Instant segmentEnd = endOfDay.toInstant().isBefore(to) ? endOfDay.toInstant() : to;
            if (isWorkingDay(cursor.toLocalDate())) {
                total = total.plus(Duration.between(cursor.toInstant(), segmentEnd));
            }
            cursor = endOfDay;
        }
        return total;
    }

    public Instant addWorkingDays(Instant start, int days) {
        return addWorkingTime(start, Duration.ofDays(days));
    }

    /**
     * {@code amount} of {@code unit} after {@code start}: working days and hours on this calendar, {@code HOURS} on
     * the wall clock (DESIGN.md §2.3).
     */
    public Instant add(Instant start, long amount, DurationUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> addWorkingTime(start, Duration.ofDays(amount));
            case WORKING_HOURS -> addWorkingTime(start, Duration.ofHours(amount));
            case HOURS -> {
                if (amount < 0) {
                    throw new IllegalArgumentException("amount must not be negative: " + amount);
                }
                yield start.plus(Duration.ofHours(amount));
            }
        };
    }
}
