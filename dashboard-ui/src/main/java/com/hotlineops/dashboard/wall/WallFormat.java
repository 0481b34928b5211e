package com.hotlineops.dashboard.wall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers look on the wall. The browser's ticker ({@link WallTicker}) formats durations the same way. */
final class WallFormat {

    /** Shown for a figure that has no value (a rate whose denominator is 0, nobody waiting). */
    static final String NONE = "—";

    /** U+2212 MINUS SIGN, as wide as a digit, in front of a countdown that has passed its deadline. */
    static final String OVERDUE_SIGN = "\u2212";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private WallFormat() {
    }

    static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A fraction 0–1 as a percentage with one decimal, e.g. 0.9645 → "96.5%"; {@code null} → "—". */
    static String rate(Double fraction) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return NONE;
        }
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Seconds as "m:ss", or "h:mm:ss" from one hour; {@code null} → "—". */
    static String duration(Long seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.max(0, seconds);
        long hours = s / 3600;
        long minutes = s % 3600 / 60;
        long rest = s % 60;
        return hours > 0
                ? "%d:%02d:%02d".formatted(hours, minutes, rest)
                : "%d:%02d".formatted(minutes, rest);
    }

    /**
     * Time left until a deadline: as {@link #duration} while some is left, and past it the time overdue behind a
     * minus sign ("−1:05" is one minute five seconds late).
     */
    static String countdown(long secondsLeft) {
        return secondsLeft < 0 ? OVERDUE_SIGN + duration(-secondsLeft) : duration(secondsLeft);
    }

    /** A fraction 0–1 as a whole percentage, e.g. 0.625 → "63%"; {@code null} → "—". */
    static String percent(Double fraction) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return NONE;
        }
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Hours and minutes on the hotline's clock, with the date in front when it is not {@code today}'s. */
    static String dueClock(Instant instant, Instant today, ZoneId zone) {
        if (instant == null) {
            return NONE;
        }
        var at = instant.atZone(zone);
        return at.toLocalDate().equals(today.atZone(zone).toLocalDate())
                ? MINUTES.format(at) : DAY_AND_MINUTES.format(at);
    }

    static String clock(Instant instant, ZoneId zone) {
        return instant == null ? NONE : CLOCK.format(instant.atZone(zone));
    }
}
