package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.contract.hotspot.SpikeMethod;
import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.core.category.CategoryTree;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wall's summary of a hotspots answer (decision 0027), on constructed answers. */
class HotspotFeedTests {

    private static final Instant NOW = Instant.parse("2026-11-26T03:20:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-26T03:00:00Z");
    private static final SpikeMethod METHOD = new SpikeMethod("POISSON_UPPER_TAIL",
            "the full statement of the rule", 4, 0.001, 5, 0.5);
    private static final CategoryTree TREE = new CategoryTree();
    private static final UUID CHENGGUAN = UUID.randomUUID();

    @Test
    void rangeIsTheCurrentHourAndThe23Before() {
        assertThat(HotspotFeed.from(NOW)).isEqualTo(Instant.parse("2026-11-25T04:00:00Z"));
        assertThat(Duration.between(HotspotFeed.from(NOW), NOW)).isLessThan(Duration.ofHours(24));
    }

    @Test
    void spikeThenShownWithItsCategoryNamesAreaCountAndBaseline() {
        HotspotCell spike = cell("0204", CHENGGUAN, "城关街道", HOUR, 37, 6.0, true);
        HotspotCell ordinary = cell("0101", CHENGGUAN, "城关街道", HOUR, 4, 3.0, false);

        HotspotBoard board = HotspotFeed.summarise(answer(List.of(spike, ordinary)), TREE);

        assertThat(board.spikes()).singleElement().satisfies(s -> {
            assertThat(s.categoryCode()).isEqualTo("0204");
            assertThat(s.categoryName()).isEqualTo("垃圾清运");
            assertThat(s.categoryNameEn()).isEqualTo("Waste collection");
            assertThat(s.unitName()).isEqualTo("城关街道");
            assertThat(s.hour()).isEqualTo(HOUR);
            assertThat(s.count()).isEqualTo(37);
            assertThat(s.baselineMean()).isEqualTo(6.0);
            assertThat(s.spikeHours()).isEqualTo(1);
        });
        assertThat(board.spikeHours()).isEqualTo(1);
        assertThat(board.spikeAreas()).isEqualTo(1);
        assertThat(board.tickets()).isEqualTo(41);
        assertThat(board.rule()).isEqualTo(new HotspotBoard.Rule("POISSON_UPPER_TAIL", 4, 0.001, 5, 0.5));
        assertThat(board.from()).isEqualTo(HotspotFeed.from(NOW));
        assertThat(board.to()).isEqualTo(NOW);
    }

    @Test
    void areaSpikingInSeveralHoursThenOneRowAtItsLatestSpikeHour() {
        List<HotspotCell> cells = List.of(
                cell("0104", CHENGGUAN, "城关街道", HOUR.minus(Duration.ofHours(3)), 20, 1.0, true),
                cell("0104", CHENGGUAN, "城关街道", HOUR.minus(Duration.ofHours(2)), 9, 1.0, true),
                cell("0104", CHENGGUAN, "城关街道", HOUR.minus(Duration.ofHours(1)), 2, 1.0, false));

        HotspotBoard board = HotspotFeed.summarise(answer(cells), TREE);

        assertThat(board.spikes()).singleElement().satisfies(s -> {
            assertThat(s.hour()).isEqualTo(HOUR.minus(Duration.ofHours(2)));
            assertThat(s.count()).as("the latest spike hour's count, not the largest").isEqualTo(9);
            assertThat(s.spikeHours()).isEqualTo(2);
        });
        assertThat(board.spikeHours()).isEqualTo(2);
        assertThat(board.spikeAreas()).isEqualTo(1);
    }

    @Test
    void manySpikesThenMostRecentFirstThenLargestAndAtMostEightRows() {
        List<HotspotCell> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(cell("0201", UUID.randomUUID(), "单位" + i, HOUR.minus(Duration.ofHours(1)), 30 + i, 1.0, true));
        }
        cells.add(cell("0301", CHENGGUAN, "城关街道", HOUR, 5, 0.0, true));
        cells.add(cell("0302", CHENGGUAN, "城关街道", HOUR, 8, 0.0, true));

        HotspotBoard board = HotspotFeed.summarise(answer(cells), TREE);

        assertThat(board.spikes()).hasSize(HotspotFeed.MAX_ROWS);
        assertThat(board.spikes()).extracting(HotspotBoard.Spike::count)
                .containsExactly(8L, 5L, 39L, 38L, 37L, 36L, 35L, 34L);
        assertThat(board.spikeAreas()).isEqualTo(12);
        assertThat(board.spikeHours()).isEqualTo(12);
    }

    @Test
    void noSpikeThenTopCategoriesByCountOverAllAreasAndHoursUnclassifiedIncluded() {
        UUID other = UUID.randomUUID();
        List<HotspotCell> cells = List.of(
                cell("0101", CHENGGUAN, "城关街道", HOUR, 3, 3.0, false),
                cell("0101", other, "东湖镇", HOUR.minus(Duration.ofHours(5)), 2, 3.0, false),
                cell(null, null, null, HOUR, 4, 3.0, false),
                cell("0204", other, "东湖镇", HOUR, 1, 3.0, false),
                cell("9999", other, "东湖镇", HOUR, 1, 0.0, false));

        HotspotBoard board = HotspotFeed.summarise(answer(cells), TREE);

        assertThat(board.spikes()).isEmpty();
        assertThat(board.spikeAreas()).isZero();
        assertThat(board.tickets()).isEqualTo(11);
        assertThat(board.topCategories()).containsExactly(
                new HotspotBoard.CategoryCount("0101", "市政设施", "Municipal facilities (roads, street lights, manholes)",
                        5),
                new HotspotBoard.CategoryCount(null, null, null, 4),
                new HotspotBoard.CategoryCount("0204", "垃圾清运", "Waste collection", 1),
                new HotspotBoard.CategoryCount("9999", null, null, 1));
    }

    @Test
    void noTicketsThenNoRowsButTheRuleAndRange() {
        HotspotBoard board = HotspotFeed.summarise(answer(List.of()), TREE);

        assertThat(board.spikes()).isEmpty();
        assertThat(board.topCategories()).isEmpty();
        assertThat(board.tickets()).isZero();
        assertThat(board.rule()).isNotNull();
        assertThat(board.to()).isEqualTo(NOW);
    }

    @Test
    void summaryThenNoTicketOrCitizenFieldsAndTheRuleInShortNotItsFullText() {
        HotspotBoard board = HotspotFeed.summarise(answer(List.of(cell("0204", CHENGGUAN, "城关街道", HOUR, 37, 6.0,
                true))), TREE);

        assertThat(board.toString()).doesNotContain("the full statement of the rule");
        assertThat(HotspotBoard.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("title", "content", "citizen", "phone", "number");
        assertThat(HotspotBoard.Spike.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("title", "content", "citizen", "phone", "number", "ticketId");
    }

    private static Hotspots answer(List<HotspotCell> cells) {
        List<HotspotCell> spikes = cells.stream().filter(HotspotCell::spike).toList();
        return new Hotspots(HotspotFeed.from(NOW), NOW, "HOUR", METHOD, cells, spikes);
    }

    private static HotspotCell cell(String category, UUID unit, String unitName, Instant hour, long count, double mean,
            boolean spike) {
        return new HotspotCell(category, unit, unitName, hour, count, List.of(), mean, spike ? 1e-6 : 0.5, spike);
    }
}
