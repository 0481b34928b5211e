package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.LiveWallState;
import com.hotlineops.dashboard.live.LiveWallState.Link;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WallFiguresTests {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void liveFrameThenEveryFigureFormatted() {
        WallFigures figures = WallFigures.of(live(frame(callFigures(1234, 1180, 0.9645, 7, NOW.minusSeconds(75)))),
                NOW, ZH);

        assertThat(figures.offered()).isEqualTo("1,234");
        assertThat(figures.answered()).isEqualTo("1,180");
        assertThat(figures.answerRate()).isEqualTo("96.5%");
        assertThat(figures.inQueue()).isEqualTo("7");
        assertThat(figures.longestWaitSeconds()).isEqualTo(75);
        assertThat(figures.longestWait()).isEqualTo("1:15");
        assertThat(figures.ticketsOpen()).isEqualTo("321");
        assertThat(figures.agentsAvailable()).isEqualTo("12");
        assertThat(figures.agentsOnCall()).isEqualTo("40");
        assertThat(figures.agentsWrapUp()).isEqualTo("5");
        assertThat(figures.agentsOnBreak()).isEqualTo("3");
        assertThat(figures.agentsOffline()).isEqualTo("60");
        assertThat(figures.asOf()).isEqualTo("10:00:00");
        assertThat(figures.banner()).isEqualTo(WallFigures.Banner.NONE);
    }

    @Test
    void boardAndCallbacksThenSlaCountsAndCallbackQueueShownAndOverdueFlagged() {
        CallFigures today = new CallFigures(100, 90, 2, 5, 90 / 95.0, 80 / 90.0, 80 / 95.0, 5 / 95.0, 9.0, 0, null,
                null, NOW);
        CallPanel empty = CallPanel.empty(NOW);
        CallPanel calls = new CallPanel(empty.total(), empty.byQueue(), empty.agents(), empty.perMinute(),
                new CallbackFigures(4, 600L, NOW.minusSeconds(600), 0, 11, 120.0, NOW));
        TicketBoard board = new TicketBoard(Map.of(SlaState.ON_TRACK, 20L, SlaState.AT_RISK, 2L,
                SlaState.OVERDUE, 3L), 6, List.of(), List.of(), TicketBoard.EMPTY.clearToZero(), List.of());
        WallFrame frame = new WallFrame(FrameKind.UPDATE, 6, NOW, today, Map.of(), AgentCounts.NONE,
                new TicketSummary(25, Map.of()), calls, board);

        WallFigures figures = WallFigures.of(live(frame), NOW, ZH);

        assertThat(figures.timelyAnswerRate()).isEqualTo("88.9%");
        assertThat(figures.ticketsAtRisk()).isEqualTo("2");
        assertThat(figures.ticketsOverdue()).isEqualTo("3");
        assertThat(figures.ticketsDueToday()).isEqualTo("6");
        assertThat(figures.callbacksPending()).isEqualTo("4");
        assertThat(figures.callbacksOverdue()).isEqualTo("0");
        assertThat(figures.ticketsOverdueAlert()).isTrue();
        assertThat(figures.callbacksOverdueAlert()).isFalse();
    }

    @Test
    void longestWaitIsCountedFromOldestWaitingSinceNotFromTheFrameTime() {
        WallFigures figures = WallFigures.of(live(frame(callFigures(10, 9, 0.9, 1, NOW.minusSeconds(30)))),
                NOW.plusSeconds(60), ZH);

        assertThat(figures.longestWaitSeconds()).isEqualTo(90);
    }

    @Test
    void nobodyWaitingThenNoLongestWaitAndDash() {
        WallFigures figures = WallFigures.of(live(frame(callFigures(10, 10, 1.0, 0, null))), NOW, ZH);

        assertThat(figures.longestWaitSeconds()).isNull();
        assertThat(figures.longestWait()).isEqualTo("—");
    }

    @Test
    void noAnsweredOrAbandonedCallsThenAnswerRateDash() {
        WallFigures figures = WallFigures.of(live(frame(callFigures(0, 0, null, 0, null))), NOW, ZH);

        assertThat(figures.answerRate()).isEqualTo("—");
    }

    @Test
    void noFrameYetThenDashesAndNoDataBannerWithWaitingTime() {
        LiveWallState waiting = new LiveWallState(null, null, Link.DOWN, NOW.minusSeconds(12), true);

        WallFigures figures = WallFigures.of(waiting, NOW, ZH);

        assertThat(figures.offered()).isEqualTo("—");
        assertThat(figures.answerRate()).isEqualTo("—");
        assertThat(figures.agentsOnCall()).isEqualTo("—");
        assertThat(figures.banner()).isEqualTo(WallFigures.Banner.NO_DATA);
        assertThat(figures.bannerAgeSeconds()).isEqualTo(12);
    }

    @Test
    void streamLostButNotYetStaleThenNoBanner() {
        WallFrame frame = frame(callFigures(10, 9, 0.9, 0, null));
        LiveWallState justLost = new LiveWallState(frame, NOW.minusSeconds(3), Link.DOWN, NOW.minusSeconds(2), false);

        assertThat(WallFigures.of(justLost, NOW, ZH).banner()).isEqualTo(WallFigures.Banner.NONE);
    }

    @Test
    void streamLostAndStaleThenLostBannerWithTimeSinceTheLoss() {
        WallFrame frame = frame(callFigures(10, 9, 0.9, 0, null));
        LiveWallState stale = new LiveWallState(frame, NOW.minusSeconds(40), Link.DOWN, NOW.minusSeconds(38), true);

        WallFigures figures = WallFigures.of(stale, NOW, ZH);

        assertThat(figures.banner()).isEqualTo(WallFigures.Banner.LOST);
        assertThat(figures.bannerAgeSeconds()).isEqualTo(38);
        assertThat(figures.offered()).as("the last figures stay on screen under the banner").isEqualTo("10");
    }

    private static LiveWallState live(WallFrame frame) {
        return new LiveWallState(frame, NOW, Link.LIVE, NOW, false);
    }

    private static WallFrame frame(CallFigures today) {
        return new WallFrame(FrameKind.UPDATE, 5, NOW, today, Map.of(), new AgentCounts(12, 40, 5, 3, 60),
                new TicketSummary(321, Map.of()), CallPanel.empty(NOW), TicketBoard.EMPTY);
    }

    private static CallFigures callFigures(long offered, long answered, Double answerRate, long inQueue,
            Instant oldestWaitingSince) {
        return new CallFigures(offered, answered, 0, 0, answerRate, null, null, null, null, inQueue,
                oldestWaitingSince == null ? null : 0L, oldestWaitingSince, NOW);
    }
}
