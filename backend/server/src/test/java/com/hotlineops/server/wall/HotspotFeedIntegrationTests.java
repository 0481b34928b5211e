package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.hotlineops.contract.category.Category;
import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.server.report.StoredTickets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The wall's hotspots against real PostgreSQL: tickets stored with a four-week history, the frame's summary, and the
 * same summary worked out here from what {@code GET /api/v1/hotspots} answers for the frame's range.
 */
class HotspotFeedIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TITLE = "小区垃圾桶满溢无人清运";

    @Autowired
    HotspotFeed feed;

    @Autowired
    LiveState live;

    @Test
    void frameCarriesTheSpikesOfTheLastDayAsTheHotspotsApiJudgesThem() {
        StoredTickets stored = new StoredTickets(db);
        String code = "HW-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = stored.unit(code, "热点大屏测试单位");
        // a second before now: in the current hour, or (should the hour turn meanwhile) in the last one; either is
        // in the range, and its weeks-earlier history lies in the same hour of the week
        Instant at = Instant.now().minusSeconds(1);
        int n = 0;
        // 垃圾清运 (0204): 1, 2, 1, 2 in the same hour of the previous weeks, now 30: a spike, and larger than what
        // other tests of this JVM leave in the current hour, so it is among the wall's eight lines
        int[] weekly = {1, 2, 1, 2};
        for (int w = 1; w <= 4; w++) {
            for (int i = 0; i < weekly[w - 1]; i++) {
                stored.ticket(code + "-" + n++, at.minus(Duration.ofDays(7L * w)), "0204", unit, "CLOSED", TITLE, null);
            }
        }
        for (int i = 0; i < 30; i++) {
            stored.ticket(code + "-" + n++, at, "0204", unit, "ACCEPTED", TITLE, null);
        }
        // 市政设施 (0101): 3 every week and 3 now, no spike
        for (int w = 0; w <= 4; w++) {
            for (int i = 0; i < 3; i++) {
                stored.ticket(code + "-" + n++, at.minus(Duration.ofDays(7L * w)), "0101", unit, "ACCEPTED", TITLE,
                        null);
            }
        }

        feed.runOnce().block(Duration.ofSeconds(30));
        HotspotBoard board = live.frame(FrameKind.SNAPSHOT).hotspots();

        assertThat(board.to()).isAfter(at);
        assertThat(board.from()).isEqualTo(board.to().truncatedTo(ChronoUnit.HOURS)
                .minus(Duration.ofHours(23)));
        Hotspots api = hotspots(board.from(), board.to());
        assertThat(board).isEqualTo(expected(api, categories()));
        assertThat(board.spikes()).filteredOn(s -> unit.equals(s.unitId())).singleElement().satisfies(s -> {
            assertThat(s.categoryCode()).isEqualTo("0204");
            assertThat(s.categoryName()).isEqualTo("垃圾清运");
            assertThat(s.unitName()).isEqualTo("热点大屏测试单位");
            assertThat(s.count()).isEqualTo(30);
            assertThat(s.baselineMean()).isEqualTo(1.5);
            assertThat(s.spikeHours()).isEqualTo(1);
        });
        assertThat(api.cells()).filteredOn(c -> unit.equals(c.unitId()) && "0204".equals(c.categoryCode()))
                .singleElement().satisfies(c -> assertThat(c.baseline()).containsExactly(1L, 2L, 1L, 2L));
        assertThat(board.rule().weeks()).isEqualTo(4);
        assertThat(board.toString()).doesNotContain(TITLE).doesNotContain(code + "-");
    }

    @Test
    void dayWithoutSpikesThenTheTopCategoriesAsTheHotspotsApiCountsThem() {
        StoredTickets stored = new StoredTickets(db);
        String code = "HQ-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = stored.unit(code, "平静测试单位");
        // a quiet day of its own, far from every other test's tickets
        Instant now = LocalDateTime.of(2032, 6, 9, 15, 30).atZone(SHANGHAI).toInstant();
        Map<String, Integer> today = new LinkedHashMap<>();
        today.put("0101", 4);
        today.put("0204", 2);
        today.put(null, 1);
        int n = 0;
        for (Map.Entry<String, Integer> e : today.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                // spread over the day, at most one per category and hour
                stored.ticket(code + "-" + n++, now.minus(Duration.ofHours(2L * i + 1)), e.getKey(),
                        e.getKey() == null ? null : unit, "ACCEPTED", TITLE, null);
            }
        }
        // before the range: counted nowhere but in baselines
        stored.ticket(code + "-" + n++, now.minus(Duration.ofHours(30)), "0204", unit, "CLOSED", TITLE, null);

        HotspotBoard board = feed.compute(now).block(Duration.ofSeconds(30));

        assertThat(board.spikes()).isEmpty();
        assertThat(board.spikeAreas()).isZero();
        assertThat(board.tickets()).isEqualTo(7);
        assertThat(board.topCategories()).extracting(HotspotBoard.CategoryCount::categoryCode,
                HotspotBoard.CategoryCount::categoryName, HotspotBoard.CategoryCount::count)
                .containsExactly(tuple("0101", "市政设施", 4L),
                        tuple("0204", "垃圾清运", 2L),
                        tuple(null, null, 1L));
        assertThat(board).isEqualTo(expected(hotspots(board.from(), board.to()), categories()));
    }

    private Hotspots hotspots(Instant from, Instant to) {
        return http.get().uri("/api/v1/hotspots?from=" + from + "&to=" + to)
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(Hotspots.class).returnResult().getResponseBody();
    }

    private Map<String, Category> categories() {
        return http.get().uri("/api/v1/categories").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Category>>() { }).returnResult().getResponseBody()
                .stream().collect(Collectors.toMap(Category::code, Function.identity()));
    }

    /**
     * The wall's summary, worked out here from the API's answer: one row per spiking category × area at its latest
     * spike hour, latest first, then the larger count, eight at most; the categories by their tickets, most first.
     */
    private static HotspotBoard expected(Hotspots api, Map<String, Category> categories) {
        Map<List<Object>, List<HotspotCell>> areas = new HashMap<>();
        for (HotspotCell c : api.spikes()) {
            areas.computeIfAbsent(Arrays.asList(c.categoryCode(), c.unitId()), k -> new ArrayList<>()).add(c);
        }
        List<HotspotBoard.Spike> spikes = new ArrayList<>();
        for (List<HotspotCell> cells : areas.values()) {
            HotspotCell latest = cells.getFirst();
            for (HotspotCell c : cells) {
                if (c.bucketStart().isAfter(latest.bucketStart())) {
                    latest = c;
                }
            }
            Category category = latest.categoryCode() == null ? null : categories.get(latest.categoryCode());
            spikes.add(new HotspotBoard.Spike(latest.categoryCode(), category == null ? null : category.name(),
                    category == null ? null : category.nameEn(), latest.unitId(), latest.unitName(),
                    latest.bucketStart(), latest.count(), latest.baselineMean(), latest.pValue(), cells.size()));
        }
        spikes.sort(Comparator.comparing(HotspotBoard.Spike::hour, Comparator.reverseOrder())
                .thenComparing(HotspotBoard.Spike::count, Comparator.reverseOrder())
                .thenComparing(s -> Objects.toString(s.categoryCode(), ""))
                .thenComparing(s -> Objects.toString(s.unitId(), "")));

        Map<String, Long> perCategory = new HashMap<>();
        long tickets = 0;
        for (HotspotCell c : api.cells()) {
            perCategory.merge(c.categoryCode() == null ? "" : c.categoryCode(), c.count(), Long::sum);
            tickets += c.count();
        }
        List<HotspotBoard.CategoryCount> top = new ArrayList<>();
        perCategory.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Long.compare(b.getValue(), a.getValue()))
                .limit(8)
                .forEach(e -> {
                    Category category = categories.get(e.getKey());
                    top.add(new HotspotBoard.CategoryCount(e.getKey().isEmpty() ? null : e.getKey(),
                            category == null ? null : category.name(), category == null ? null : category.nameEn(),
                            e.getValue()));
                });
        return new HotspotBoard(api.from(), api.to(), new HotspotBoard.Rule(api.method().name(), api.method().weeks(),
                api.method().alpha(), api.method().minCount(), api.method().minBaselineMean()), tickets,
                api.spikes().size(), spikes.subList(0, Math.min(8, spikes.size())), areas.size(), top);
    }
}
