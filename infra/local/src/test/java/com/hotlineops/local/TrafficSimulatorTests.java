package com.hotlineops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    @Test
    void enterpriseStaffingThenEnoughEnterpriseAgentsForEveryHourAndNoMoreThanThereAre() {
        for (int h = 0; h < 24; h++) {
            double erlangs = TrafficSimulator.ARRIVALS_PER_MINUTE[h] * TrafficSimulator.ENTERPRISE_SHARE * 3.3;
            assertThat(TrafficSimulator.STAFFED_ENTERPRISE[h]).as("hour %d", h)
                    .isGreaterThan((int) erlangs).isLessThanOrEqualTo(TrafficSimulator.ENTERPRISE_AGENTS);
        }
    }

    @Test
    void settingsOutOfBoundsOrAnotherMachineThenRefused() {
        assertThatThrownBy(() -> new TrafficSimulator.Settings(25, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficSimulator.Settings(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficSimulator.Settings(1, 1, 7200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficSimulator.Settings(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficSimulator(URI.create("http://10.1.2.3:8080"),
                URI.create("http://127.0.0.1:8081"), new TrafficSimulator.Settings(1, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this machine");
        assertThat(TrafficSimulator.requireLoopback(URI.create("http://localhost:8080"))).isNotNull();
    }

    @Test
    void dryRunThenEachQueueAnsweredByItsOwnAgentsAndTheDirectorSeatOnlyDuringTheShift() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant from = LocalDate.of(2026, 11, 24).atTime(9, 0).atZone(zone).toInstant();
        Instant shiftStart = from.plus(Duration.ofHours(1));
        Instant shiftEnd = from.plus(Duration.ofHours(2));
        TrafficSimulator simulator = new TrafficSimulator(URI.create("http://127.0.0.1:8080"),
                URI.create("http://127.0.0.1:8081"), new TrafficSimulator.Settings(1, 2, 0));
        List<CtiEvent> events = simulator.dryRun(from, from.plus(Duration.ofHours(3)), shiftStart, shiftEnd);

        List<CtiEvent> answered = events.stream().filter(e -> e.type() == CtiEventType.CALL_ANSWERED).toList();
        assertThat(answered).filteredOn(e -> e.queue() == CallQueue.ENTERPRISE).isNotEmpty()
                .allSatisfy(e -> assertThat(e.agentId()).startsWith("E"));
        List<CtiEvent> byDirector = answered.stream()
                .filter(e -> TrafficSimulator.DIRECTOR_SEAT.equals(e.agentId())).toList();
        assertThat(byDirector).isNotEmpty().allSatisfy(e -> {
            assertThat(e.queue()).isEqualTo(CallQueue.GENERAL);
            // answered after the ring that started while the seat was still on shift
            assertThat(e.occurredAt()).isBetween(shiftStart, shiftEnd.plusSeconds(8));
        });
        assertThat(answered).filteredOn(e -> e.queue() == CallQueue.GENERAL)
                .allSatisfy(e -> assertThat(e.agentId()).matches("A\\d\\d|D-01"));

        // the enterprise line at twice its share: about 2 × 12 % of the profile's calls, well apart from the hotline
        long offeredEnterprise = events.stream().filter(e -> e.type() == CtiEventType.CALL_OFFERED
                && e.queue() == CallQueue.ENTERPRISE).count();
        double expected = 60 * (TrafficSimulator.ARRIVALS_PER_MINUTE[9] + TrafficSimulator.ARRIVALS_PER_MINUTE[10]
                + TrafficSimulator.ARRIVALS_PER_MINUTE[11]) * TrafficSimulator.ENTERPRISE_SHARE * 2;
        assertThat((double) offeredEnterprise).isBetween(expected * 0.6, expected * 1.4);
    }
}
