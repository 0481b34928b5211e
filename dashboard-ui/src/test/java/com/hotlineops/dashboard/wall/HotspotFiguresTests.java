package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HotspotFiguresTests {

    /** 10:20 in Asia/Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-26T02:20:00Z");
    private static final Instant TEN = Instant.parse("2026-11-26T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final HotspotBoard.Rule RULE = new HotspotBoard.Rule("POISSON_UPPER_TAIL", 4, 0.001, 5, 0.5);

    @Test
    void spikeThenCountAgainstTheUsualCountOfItsHourWithCategoryAreaAndHour() {
        HotspotBoard board = board(List.of(spike("0204", "垃圾清运", "Waste collection", "城关街道", TEN, 37, 6.0)), 1,
                List.of(), 120);

        HotspotFigures figures = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH);

        assertThat(figures.state()).isEqualTo(HotspotFigures.State.SPIKES);
        assertThat(figures.rows()).containsExactly(
                new HotspotFigures.Row(true, "垃圾清运", "城关街道", "10–11", 0, "11-26", "37", "6"));
        assertThat(figures.more()).isZero();
        assertThat(figures.spikes()).isEqualTo("1");
        assertThat(figures.weeks()).isEqualTo("4");
        assertThat(figures.alpha()).isEqualTo("0.001");
        assertThat(figures.minCount()).isEqualTo("5");
    }

    @Test
    void englishWallThenEnglishCategoryNameAndChineseWhereThereIsNone() {
        HotspotBoard board = board(List.of(spike("0204", "垃圾清运", "Waste collection", "城关街道", TEN, 37, 6.0),
                spike("0999", "新类别", null, "城关街道", TEN, 9, 1.0)), 2, List.of(), 120);

        HotspotFigures figures = HotspotFigures.of(frame(board), NOW, SHANGHAI, Locale.ENGLISH);

        assertThat(figures.rows()).extracting(HotspotFigures.Row::category).containsExactly("Waste collection", "新类别");
    }

    @Test
    void baselineMeanThenAtMostOneDecimalAndNoneWhenWhole() {
        assertThat(HotspotFigures.mean(6.0)).isEqualTo("6");
        assertThat(HotspotFigures.mean(1.5)).isEqualTo("1.5");
        assertThat(HotspotFigures.mean(0.25)).isEqualTo("0.3");
        assertThat(HotspotFigures.mean(0)).isEqualTo("0");
        assertThat(HotspotFigures.mean(12.0)).isEqualTo("12");
        assertThat(HotspotFigures.mean(Double.NaN)).isEqualTo("—");
    }

    @Test
    void spikeOfYesterdayOrOfLastHourOfTheDayThenSaidSo() {
        Instant yesterday23 = Instant.parse("2026-11-25T15:00:00Z");
        HotspotBoard board = board(List.of(spike("0104", "供水", "Water supply", "东湖镇", yesterday23, 12, 1.0)), 1,
                List.of(), 40);

        HotspotFigures.Row row = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH).rows().getFirst();

        assertThat(row.hour()).isEqualTo("23–24");
        assertThat(row.daysAgo()).isEqualTo(1);
        assertThat(row.date()).isEqualTo("11-25");
    }

    @Test
    void unclassifiedAndUndispatchedSpikeThenNoNamesForThePanelToSaySo() {
        HotspotBoard board = board(List.of(new HotspotBoard.Spike(null, null, null, null, null, TEN, 7, 0.0, 1e-5, 1)),
                1, List.of(), 7);

        HotspotFigures.Row row = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH).rows().getFirst();

        assertThat(row.category()).isNull();
        assertThat(row.area()).isNull();
        assertThat(row.baseline()).isEqualTo("0");
    }

    @Test
    void moreSpikesThanRowsThenEightShownAndTheRestCounted() {
        List<HotspotBoard.Spike> spikes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spikes.add(spike("0201", "噪声扰民", "Noise", "单位" + i, TEN, 20 - i, 1.0));
        }
        HotspotBoard board = board(spikes, 13, List.of(), 400);

        HotspotFigures figures = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH);

        assertThat(figures.rows()).hasSize(HotspotFigures.MAX_ROWS);
        assertThat(figures.more()).isEqualTo(5);
        assertThat(figures.spikes()).isEqualTo("13");
    }

    @Test
    void noSpikeThenTheTopCategoriesWithTheirCounts() {
        HotspotBoard board = board(List.of(), 0, List.of(new HotspotBoard.CategoryCount("0101", "市政设施", "Municipal",
                1234), new HotspotBoard.CategoryCount(null, null, null, 56)), 1290);

        HotspotFigures figures = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH);

        assertThat(figures.state()).isEqualTo(HotspotFigures.State.TOP_CATEGORIES);
        assertThat(figures.tickets()).isEqualTo("1,290");
        assertThat(figures.rows()).containsExactly(
                new HotspotFigures.Row(false, "市政设施", null, null, 0, null, "1,234", null),
                new HotspotFigures.Row(false, null, null, null, 0, null, "56", null));
        assertThat(figures.more()).isZero();
    }

    @Test
    void noTicketsInTheDayThenSaidSoWithTheRule() {
        HotspotFigures figures = HotspotFigures.of(frame(board(List.of(), 0, List.of(), 0)), NOW, SHANGHAI, ZH);

        assertThat(figures.state()).isEqualTo(HotspotFigures.State.NO_TICKETS);
        assertThat(figures.rows()).isEmpty();
        assertThat(figures.weeks()).isEqualTo("4");
    }

    @Test
    void nothingComputedYetOrNoFrameThenWaiting() {
        assertThat(HotspotFigures.of(frame(HotspotBoard.EMPTY), NOW, SHANGHAI, ZH)).isEqualTo(HotspotFigures.WAITING);
        assertThat(HotspotFigures.of(null, NOW, SHANGHAI, ZH)).isEqualTo(HotspotFigures.WAITING);
        WallFrame older = new WallFrame(FrameKind.UPDATE, 1, NOW, CallFigures.empty(NOW), Map.of(), AgentCounts.NONE,
                TicketSummary.NONE, CallPanel.empty(NOW), TicketBoard.EMPTY);
        assertThat(HotspotFigures.of(older, NOW, SHANGHAI, ZH).state()).isEqualTo(HotspotFigures.State.WAITING);
    }

    @Test
    void digitRunsInUnitOrCategoryNamesThenMasked() {
        HotspotBoard board = board(List.of(spike("0204", "垃圾清运", "Waste", "城关街道13912345678", TEN, 9, 1.0)), 1,
                List.of(), 9);

        HotspotFigures.Row row = HotspotFigures.of(frame(board), NOW, SHANGHAI, ZH).rows().getFirst();

        assertThat(row.area()).isEqualTo("城关街道139******78");
        assertThat(row.toString()).doesNotContain("13912345678");
    }

    private static HotspotBoard.Spike spike(String code, String name, String nameEn, String unit, Instant hour,
            long count, double mean) {
        return new HotspotBoard.Spike(code, name, nameEn, UUID.randomUUID(), unit, hour, count, mean, 1e-6, 1);
    }

    private static HotspotBoard board(List<HotspotBoard.Spike> spikes, int spikeAreas,
            List<HotspotBoard.CategoryCount> top, long tickets) {
        return new HotspotBoard(NOW.minus(Duration.ofHours(23)), NOW, RULE, tickets, spikeAreas, spikes, spikeAreas,
                top);
    }

    private static WallFrame frame(HotspotBoard hotspots) {
        return new WallFrame(FrameKind.UPDATE, 1, NOW, CallFigures.empty(NOW), Map.of(), AgentCounts.NONE,
                TicketSummary.NONE, CallPanel.empty(NOW), TicketBoard.EMPTY, hotspots);
    }
}
