package com.hotlineops.dashboard.wall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers look on the wall. The browser's ticker ({@code WallView.TICKER}) formats durations the same way. */
final class WallFormat {

    /** Shown for a figure that has no value (a rate whose denominator is 0, nobody waiting). */
    static final String NONE = "—";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

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

    static String clock(Instant instant, ZoneId zone) {
        return instant == null ? NONE : CLOCK.format(instant.atZone(zone));
    }
}
