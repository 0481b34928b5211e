package com.hotlineops.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Range parameters of the report routes: half-open {@code [from, to)}, each an ISO-8601 instant
 * ({@code 2026-04-06T00:00:00Z}) or a date ({@code 2026-04-06}, meaning its start in the report zone, Asia/Shanghai).
 */
public final class Ranges {

    private Ranges() {
    }

    public record Range(Instant from, Instant to) {
    }

    /** {@link IllegalArgumentException} (a 400 problem) when a bound is missing or unreadable, or from ≥ to. */
    public static Range parse(String from, String to, ZoneId zone) {
        Instant f = bound("from", from, zone);
        Instant t = bound("to", to, zone);
        if (!f.isBefore(t)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return new Range(f, t);
    }

    private static Instant bound(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (an ISO-8601 instant or a date)");
        }
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(zone).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant (2026-04-06T00:00:00Z) or a date "
                    + "(2026-04-06), got " + v);
        }
    }
}
