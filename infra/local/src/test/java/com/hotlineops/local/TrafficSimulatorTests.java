package com.hotlineops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTests {

    private static final Path MONTH = Path.of(System.getProperty("hotline.shared.dir"),
            "data/callcentre-anonymousbank/august_calls.csv");

    @Test
    void hourlyArrivalRatesThenTheBankWeekdaysShapeScaledToThePeakWithANightFloor() throws IOException {
        List<String> lines = Files.readAllLines(MONTH);
        Map<String, Integer> col = new HashMap<>();
        String[] header = lines.getFirst().split(",");
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        long[] perHour = new long[24];
        Set<LocalDate> days = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate date = LocalDate.parse(f[col.get("date")]);
            if (date.getDayOfWeek() == DayOfWeek.FRIDAY || date.getDayOfWeek() == DayOfWeek.SATURDAY) {
                continue;
            }
            days.add(date);
            String outcome = f[col.get("outcome")];
            boolean queued = !f[col.get("q_start")].equals("0:00:00");
            if (outcome.equals("PHANTOM") || (!queued && !outcome.equals("AGENT"))) {
                continue;
            }
            perHour[Integer.parseInt(f[col.get(queued ? "q_start" : "vru_exit")].split(":")[0])]++;
        }
        double busiest = 0;
        for (long n : perHour) {
            busiest = Math.max(busiest, n);
        }

        for (int h = 0; h < 24; h++) {
            double expected = Math.max(TrafficSimulator.NIGHT_FLOOR_PER_MINUTE,
                    perHour[h] / busiest * TrafficSimulator.PEAK_PER_MINUTE);
            assertThat(TrafficSimulator.ARRIVALS_PER_MINUTE[h]).as("hour %d", h).isCloseTo(expected, within(0.006));
        }
        assertThat(days).hasSize(23);
    }

    @Test
    void staffingThenEnoughAgentsForEveryHourAndNoMoreThanThereAre() {
        for (int h = 0; h < 24; h++) {
            double erlangs = TrafficSimulator.ARRIVALS_PER_MINUTE[h] * 3.3;
            assertThat(TrafficSimulator.STAFFED[h]).as("hour %d", h)
                    .isGreaterThan((int) erlangs).isLessThanOrEqualTo(TrafficSimulator.AGENTS);
        }
    }
}
