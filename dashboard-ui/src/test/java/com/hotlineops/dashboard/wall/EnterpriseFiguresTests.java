package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnterpriseFiguresTests {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void enterpriseQueueThenItsOwnFiguresNotTheHotlineTotal() {
        CallFigures total = new CallFigures(5000, 4800, 0, 100, 0.98, 0.9, 0.88, 0.02, 9.0, 12, 40L,
                NOW.minusSeconds(40), NOW);
        CallFigures enterprise = new CallFigures(1234, 1100, 3, 40, 1100 / 1140.0, 0.9, 0.87, 40 / 1140.0, 8.0, 2,
                95L, NOW.minusSeconds(95), NOW);
        WallFrame frame = frame(total, Map.of(CallQueue.GENERAL, total, CallQueue.ENTERPRISE, enterprise));

        EnterpriseFigures figures = EnterpriseFigures.of(frame, NOW.plusSeconds(5), ZH);

        assertThat(figures.offered()).isEqualTo("1,234");
        assertThat(figures.answerRate()).isEqualTo("96.5%");
        assertThat(figures.inQueue()).isEqualTo("2");
        assertThat(figures.longestWaitSeconds()).as("ticks on from the oldest waiting call").isEqualTo(100);
        assertThat(figures.longestWait()).isEqualTo("1:40");
    }

    @Test
    void noEnterpriseFiguresInTheFrameThenZeroCallsAndDashes() {
        CallFigures total = CallFigures.empty(NOW);

        EnterpriseFigures figures = EnterpriseFigures.of(frame(total, Map.of()), NOW, ZH);

        assertThat(figures.offered()).isEqualTo("0");
        assertThat(figures.answerRate()).isEqualTo("—");
        assertThat(figures.longestWaitSeconds()).isNull();
        assertThat(figures.longestWait()).isEqualTo("—");
        assertThat(EnterpriseFigures.of(null, NOW, ZH)).isEqualTo(EnterpriseFigures.NONE);
    }

    private static WallFrame frame(CallFigures today, Map<CallQueue, CallFigures> byQueue) {
        return new WallFrame(FrameKind.UPDATE, 1, NOW, today, byQueue, AgentCounts.NONE, TicketSummary.NONE,
                CallPanel.empty(NOW), TicketBoard.EMPTY);
    }
}
