package com.hotlineops.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The official exceptions shipped with the product, in our own format: {@code date,working,name}, one line per listed
 * date, {@code #} comments. Only the facts (dates) of the State Council notices are shipped.
 */
final class OfficialDays {

    static final String RESOURCE = "/calendar/cn-official-days.csv";

    /** A listed date: {@code working=false} a day off, {@code true} a make-up working day (调休上班). */
    record Listed(LocalDate date, boolean working, String name) {

        Listed {
            Objects.requireNonNull(date, "date");
        }
    }

    private OfficialDays() {
    }

    static List<Listed> load() {
        try (InputStream in = OfficialDays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Listed> parse(List<String> lines) {
        List<Listed> days = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                if (!line.equals("date,working,name")) {
                    throw new IllegalStateException("Line " + (i + 1) + ": expected header date,working,name");
                }
                header = false;
                continue;
            }
            String[] f = line.split(",", 3);
            if (f.length != 3 || !(f[1].equals("true") || f[1].equals("false"))) {
                throw new IllegalStateException("Line " + (i + 1) + ": expected date,true|false,name: " + line);
            }
            days.add(new Listed(LocalDate.parse(f[0]), Boolean.parseBoolean(f[1]), f[2].isBlank() ? null : f[2]));
        }
        return List.copyOf(days);
    }
}
