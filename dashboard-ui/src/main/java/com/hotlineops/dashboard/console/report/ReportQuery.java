package com.hotlineops.dashboard.console.report;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.util.UriBuilder;

/**
 * What a report page shows, as the backend is asked for it ({@code /api/v1/reports/...}), and the name its files get.
 * The pages pick whole days; the backend's ranges are half-open, so the last day picked is sent as the next day.
 */
sealed interface ReportQuery {

    /** The backend's longest range (its {@code ReportService.MAX_RANGE}): a year and a leap day, ends included. */
    long MAX_DAYS = 367;

    /** The route without extension, e.g. {@code /api/v1/reports/weekly}. */
    String path();

    Map<String, String> parameters();

    /** The files' name without extension, in Chinese as a leader files them. */
    String fileName();

    /** The JSON (extension "") or a file ({@code .pdf}, {@code .xlsx}, {@code .csv}); {@code table} for a CSV. */
    default URI uri(UriBuilder builder, String extension, String table) {
        UriBuilder b = builder.path(path() + extension);
        parameters().forEach(b::queryParam);
        if (table != null) {
            b.queryParam("table", table);
        }
        return b.build();
    }

    /** The weekly report of an ISO week ({@code 2026-W47}). */
    record Weekly(String week) implements ReportQuery {

        public Weekly {
            if (week == null || !week.matches("\\d{4}-W\\d{2}")) {
                throw new IllegalArgumentException("an ISO week such as 2026-W47");
            }
        }

        @Override
        public String path() {
            return "/api/v1/reports/weekly";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("week", week);
        }

        @Override
        public String fileName() {
            return "12345热线周报-" + week;
        }
    }

    /** The bulletin over whole days, {@code first} to {@code last} included. */
    record Bulletin(Days days) implements ReportQuery {

        @Override
        public String path() {
            return "/api/v1/reports/bulletin";
        }

        @Override
        public Map<String, String> parameters() {
            return days.parameters();
        }

        @Override
        public String fileName() {
            return "12345热线通报-" + days;
        }
    }

    /** The special report on a keyword over whole days. */
    record Special(String keyword, Days days) implements ReportQuery {

        /** The backend's limit on a keyword. */
        static final int MAX_KEYWORD = 50;

        public Special {
            keyword = keyword == null ? "" : keyword.strip();
            if (keyword.isEmpty() || keyword.length() > MAX_KEYWORD) {
                throw new IllegalArgumentException("a keyword of 1 to " + MAX_KEYWORD + " characters");
            }
        }

        @Override
        public String path() {
            return "/api/v1/reports/special";
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> p = new TreeMap<>(days.parameters());
            p.put("keyword", keyword);
            return p;
        }

        @Override
        public String fileName() {
            // a keyword may hold characters no file system takes
            return "12345热线专报-" + keyword.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "-" + days;
        }
    }

    /** Whole days in the hotline's calendar, both ends included. */
    record Days(LocalDate first, LocalDate last) {

        public Days {
            if (first == null || last == null) {
                throw new IllegalArgumentException("both days are required");
            }
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("the last day is before the first");
            }
            if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                throw new IllegalArgumentException("at most " + MAX_DAYS + " days");
            }
        }

        /** {@code from} = the first day, {@code to} = the day after the last (half-open, as the backend reads it). */
        Map<String, String> parameters() {
            return Map.of("from", first.toString(), "to", last.plusDays(1).toString());
        }

        @Override
        public String toString() {
            return first.equals(last) ? first.toString() : first + "至" + last;
        }
    }
}
