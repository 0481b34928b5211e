package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketBoard.ClearToZero;
import com.hotlineops.contract.wall.TicketBoard.Deadline;
import com.hotlineops.contract.wall.TicketBoard.DirectorOnShift;
import com.hotlineops.contract.wall.TicketBoard.UnitCount;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlaBoardTests {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void deadlinesThenNearestFirstWithSecondsLeftAndCountdown() {
        TicketBoard board = board(List.of(
                deadline("20261126000003", NOW.plusSeconds(3600), null),
                deadline("20261126000001", NOW.plusSeconds(90), null),
                deadline("20261126000002", NOW.plusSeconds(90), null)), List.of(), List.of());

        SlaBoard shown = SlaBoard.of(board, NOW, SHANGHAI, ZH);

        assertThat(shown.deadlines()).extracting(SlaBoard.DeadlineRow::number)
                .containsExactly("20261126000001", "20261126000002", "20261126000003");
        SlaBoard.DeadlineRow first = shown.deadlines().getFirst();
        assertThat(first.secondsLeft()).isEqualTo(90);
        assertThat(first.countdown()).isEqualTo("1:30");
        assertThat(first.due()).isEqualTo("10:01");
        assertThat(first.unit()).isEqualTo("城关街道");
        assertThat(shown.deadlines().get(2).countdown()).isEqualTo("1:00:00");
    }

    @Test
    void moreThanTwentyDeadlinesThenOnlyTheTwentyNearest() {
        List<Deadline> many = new ArrayList<>();
        IntStream.rangeClosed(1, 25).forEach(i -> many.add(
                deadline("20261126%06d".formatted(i), NOW.plusSeconds(1000L - i), null)));

        SlaBoard shown = SlaBoard.of(board(many, List.of(), List.of()), NOW, SHANGHAI, ZH);

        assertThat(shown.deadlines()).hasSize(20);
        assertThat(shown.deadlines().getFirst().number()).isEqualTo("20261126000025");
        assertThat(shown.deadlines().getLast().number()).isEqualTo("20261126000006");
    }

    @Test
    void stateThenOnTrackBeforeAtRiskInstantAtRiskFromItAndOverdueFromTheDeadline() {
        Instant atRisk = NOW.plusSeconds(60);
        Instant due = NOW.plusSeconds(240);
        Deadline d = deadline("20261126000001", due, atRisk);

        assertThat(SlaBoard.state(d, atRisk.minusMillis(1))).isEqualTo(SlaState.ON_TRACK);
        assertThat(SlaBoard.state(d, atRisk)).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaBoard.state(d, due.minusMillis(1))).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaBoard.state(d, due)).isEqualTo(SlaState.OVERDUE);
        assertThat(SlaBoard.state(deadline("20261126000002", due, null), due.minusMillis(1)))
                .as("no at-risk instant").isEqualTo(SlaState.ON_TRACK);
    }

    @Test
    void atRiskDeadlineThenSecondsToRiskNegativeAndAmberState() {
        Deadline d = deadline("20261126000001", NOW.plusSeconds(600), NOW.minusSeconds(30));

        SlaBoard.DeadlineRow row = SlaBoard.of(board(List.of(d), List.of(), List.of()), NOW, SHANGHAI, ZH)
                .deadlines().getFirst();

        assertThat(row.state()).isEqualTo(SlaState.AT_RISK);
        assertThat(row.secondsToRisk()).isEqualTo(-30);
        assertThat(row.secondsLeft()).isEqualTo(600);
    }

    @Test
    void deadlinePassedSinceTheFrameThenOverdueWithNegativeCountdown() {
        // The frame listed it while it was still to come; the wall keeps counting while the stream is down.
        Deadline d = deadline("20261126000001", NOW.minus(Duration.ofSeconds(75)).minusMillis(400), NOW.minusSeconds(900));

        SlaBoard.DeadlineRow row = SlaBoard.of(board(List.of(d), List.of(), List.of()), NOW, SHANGHAI, ZH)
                .deadlines().getFirst();

        assertThat(row.state()).isEqualTo(SlaState.OVERDUE);
        assertThat(row.secondsLeft()).isEqualTo(-76);
        assertThat(row.countdown()).isEqualTo("\u22121:16");
    }

    @Test
    void unitsThenMostOverdueFirstThenByNameWithoutZerosAndAtMostTen() {
        List<UnitCount> units = new ArrayList<>(List.of(
                new UnitCount(UUID.randomUUID(), "东湖镇", 3),
                new UnitCount(null, null, 5),
                new UnitCount(UUID.randomUUID(), "城关街道", 3),
                new UnitCount(UUID.randomUUID(), "市住建局", 0)));
        IntStream.rangeClosed(1, 10).forEach(i -> units.add(new UnitCount(UUID.randomUUID(), "单位" + i, 1)));

        SlaBoard shown = SlaBoard.of(board(List.of(), units, List.of()), NOW, SHANGHAI, ZH);

        assertThat(shown.overdueUnits()).hasSize(10);
        assertThat(shown.overdueUnits()).extracting(SlaBoard.UnitRow::unit).startsWith(null, "东湖镇", "城关街道")
                .doesNotContain("市住建局");
        assertThat(shown.overdueUnits()).extracting(SlaBoard.UnitRow::count).startsWith(5L, 3L, 3L, 1L);
    }

    @Test
    void clearToZeroThenClearedOverTaggedAndDoneOnlyWhenNothingOpen() {
        SlaBoard halfway = SlaBoard.of(new TicketBoard(Map.of(), 0, List.of(), List.of(),
                new ClearToZero("2026-11", 8, 5, 3), List.of()), NOW, SHANGHAI, ZH);
        SlaBoard nothing = SlaBoard.of(TicketBoard.EMPTY, NOW, SHANGHAI, ZH);

        assertThat(halfway.clearToZero().progress()).isEqualTo(5 / 8.0);
        assertThat(halfway.clearToZero().progressText()).isEqualTo("63%");
        assertThat(halfway.clearToZero().open()).isEqualTo("3");
        assertThat(halfway.clearToZero().month()).isEqualTo("2026-11");
        assertThat(halfway.clearToZero().done()).isFalse();
        assertThat(nothing.clearToZero().progress()).as("nothing tagged: no ratio").isNull();
        assertThat(nothing.clearToZero().progressText()).isEqualTo("—");
        assertThat(nothing.clearToZero().done()).isTrue();
    }

    @Test
    void directorsThenShiftEndingFirstFirstAtMostTwoAndTheRestCounted() {
        List<DirectorOnShift> directors = List.of(
                new DirectorOnShift("李局长", "市住建局", "A2", NOW.plusSeconds(7200)),
                new DirectorOnShift("张主任", "市场监管局", "A1", NOW.plusSeconds(3600)),
                new DirectorOnShift("王局长", "市水务局", null, NOW.plusSeconds(9000)));
        TicketBoard board = board(List.of(), List.of(), directors);

        SlaBoard shown = SlaBoard.of(board, NOW, SHANGHAI, ZH);

        assertThat(shown.directors()).containsExactly(
                new SlaBoard.DirectorRow("张主任", "市场监管局", "A1", "11:00"),
                new SlaBoard.DirectorRow("李局长", "市住建局", "A2", "12:00"));
        assertThat(SlaBoard.directorsLeftOut(board)).isEqualTo(1);
    }

    @Test
    void phoneNumbersTypedIntoNamesThenMaskedOnTheBoard() {
        TicketBoard board = board(List.of(deadline("13912345678", NOW.plusSeconds(60), null)),
                List.of(new UnitCount(UUID.randomUUID(), "城关街道 13800001111", 1)),
                List.of(new DirectorOnShift("张主任", "市场监管局", "13700002222", NOW.plusSeconds(60))));

        String shown = SlaBoard.of(board, NOW, SHANGHAI, ZH).toString();

        assertThat(shown).doesNotContainPattern("1[3-9]\\d{9}").doesNotContainPattern("\\d{7,}");
    }

    private static TicketBoard board(List<Deadline> deadlines, List<UnitCount> units,
            List<DirectorOnShift> directors) {
        return new TicketBoard(Map.of(), 0, units, deadlines, new ClearToZero("2026-11", 0, 0, 0), directors);
    }

    private static Deadline deadline(String number, Instant due, Instant atRisk) {
        return new Deadline(UUID.randomUUID(), number, "城关街道", due, atRisk);
    }
}
