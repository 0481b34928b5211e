package com.hotlineops.server.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.server.report.StoredTickets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hotspots (DESIGN.md §2.8) on constructed histories: the expected counts, baselines and spikes are worked out here
 * from what the test stored, with its own Poisson tail, and compared with the API's answer.
 */
class HotspotIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY = LocalDateTime.of(2031, 3, 12, 0, 0).atZone(SHANGHAI).toInstant();

    private record Cell(String category, Instant hour) {
    }

    @Test
    void spikesAreTheHoursWellAboveTheSameHourOfThePreviousFourWeeks() {
        StoredTickets stored = new StoredTickets(db);
        String code = "HS-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = stored.unit(code, "热点测试单位");
        Instant ten = DAY.plus(Duration.ofHours(10));
        Instant eleven = DAY.plus(Duration.ofHours(11));
        Map<Cell, Integer> history = new HashMap<>();
        // HS_A: 2, 3, 2, 3 in the previous weeks, then 12; HS_B: the same history, then 5 (an ordinary rise).
        int[] weekly = {2, 3, 2, 3};
        for (String category : List.of("HS_A", "HS_B")) {
            for (int w = 1; w <= 4; w++) {
                history.put(new Cell(category, ten.minus(Duration.ofDays(7L * w))), weekly[w - 1]);
            }
        }
        history.put(new Cell("HS_A", ten), 12);
        history.put(new Cell("HS_B", ten), 5);
        // Never seen before: 5 is a spike by the floor, 4 is not; one a day earlier is only history.
        history.put(new Cell("HS_C", eleven), 5);
        history.put(new Cell("HS_D", eleven), 4);
        history.put(new Cell("HS_D", eleven.minus(Duration.ofDays(1))), 1);
        int n = 0;
        for (Map.Entry<Cell, Integer> e : history.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                // Spread inside the hour, so bucketing (not exact times) is what groups them.
                stored.ticket(code + "-" + n++, e.getKey().hour().plus(Duration.ofMinutes(i * 4L)), e.getKey().category(),
                        unit, "ACCEPTED", "热点测试", null);
            }
        }

        Hotspots answer = http.get().uri("/api/v1/hotspots?from=" + DAY + "&to=" + DAY.plus(Duration.ofDays(1)))
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(Hotspots.class).returnResult().getResponseBody();

        assertThat(answer.method().name()).isEqualTo("POISSON_UPPER_TAIL");
        assertThat(answer.method().weeks()).isEqualTo(4);
        assertThat(answer.method().description()).contains("P(X >= n)");
        List<HotspotCell> ours = answer.cells().stream().filter(c -> unit.equals(c.unitId())).toList();
        Map<Cell, Integer> inRange = new HashMap<>();
        history.forEach((cell, count) -> {
            if (!cell.hour().isBefore(DAY) && cell.hour().isBefore(DAY.plus(Duration.ofDays(1)))) {
                inRange.put(cell, count);
            }
        });
        assertThat(ours).hasSize(inRange.size());
        for (HotspotCell c : ours) {
            Cell key = new Cell(c.categoryCode(), c.bucketStart());
            assertThat(c.count()).isEqualTo(inRange.get(key).longValue());
            assertThat(c.unitName()).isEqualTo("热点测试单位");
            long[] baseline = new long[4];
            double mean = 0;
            for (int w = 1; w <= 4; w++) {
                baseline[w - 1] = history.getOrDefault(new Cell(key.category(), key.hour().minus(Duration.ofDays(7L * w))), 0);
                mean += baseline[w - 1] / 4.0;
            }
            assertThat(c.baseline()).containsExactly(baseline[0], baseline[1], baseline[2], baseline[3]);
            double p = tail((int) c.count(), Math.max(0.5, mean));
            assertThat(c.pValue()).isCloseTo(p, within(1e-9));
            assertThat(c.spike()).as("spike of %s", key).isEqualTo(c.count() >= 5 && p <= 0.001);
        }
        assertThat(ours.stream().filter(HotspotCell::spike).map(HotspotCell::categoryCode))
                .containsExactlyInAnyOrder("HS_A", "HS_C");
        assertThat(answer.spikes().stream().filter(c -> unit.equals(c.unitId())).map(HotspotCell::categoryCode))
                .containsExactly("HS_A", "HS_C");
    }

    @Test
    void hotspotsAreForTheLeadershipAndTheWallNotForAgentsAndNeedAShortRange() {
        String range = "?from=2031-01-01&to=2031-01-02";
        http.get().uri("/api/v1/hotspots" + range).headers(h -> h.setBearerAuth(token(http, "wall"))).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/hotspots" + range).headers(h -> h.setBearerAuth(token(http, "agent1"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/hotspots?from=2031-01-01&to=2031-03-01")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/hotspots?from=2031-01-01").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isBadRequest();
    }

    /** P(X ≥ n) for X ~ Poisson(λ), exactly in decimals. */
    private static double tail(int n, double lambda) {
        MathContext mc = new MathContext(40);
        BigDecimal term = new BigDecimal(Math.exp(-lambda));
        BigDecimal below = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            below = below.add(term, mc);
            term = term.multiply(new BigDecimal(lambda), mc).divide(BigDecimal.valueOf(i + 1), mc);
        }
        return BigDecimal.ONE.subtract(below, mc).doubleValue();
    }
}
