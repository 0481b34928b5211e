package com.hotlineops.core.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outside source of the official lists (NateScarlet/holiday-cn JSON in the shared data folder), read directly:
 * tests compare the product's own calendar with it.
 */
final class HolidayCnFiles {

    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2027;

    private HolidayCnFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("hotline.shared.dir", "../../../shared"), "data", "holiday-cn");
    }

    /** Every listed date of the year's file: {@code true} = make-up working day, {@code false} = day off. */
    static Map<LocalDate, Boolean> year(int year) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(dir().resolve(year + ".json")));
            Map<LocalDate, Boolean> days = new HashMap<>();
            for (JsonNode d : root.get("days")) {
                days.put(LocalDate.parse(d.get("date").asString()), !d.get("isOffDay").asBoolean());
            }
            return days;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<LocalDate, Boolean> all() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            days.putAll(year(y));
        }
        return days;
    }
}
