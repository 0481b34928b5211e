package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.MinuteCount;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeSeriesTests {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:30Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void perMinuteCountsThenOldestFirstWithShanghaiLabelsBesideTheWeekEarlier() {
        Instant ten = Instant.parse("2026-11-26T02:00:00Z");
        WallFrame frame = frame(List.of(
                new MinuteCount(ten, 7, 4),
                new MinuteCount(ten.minusSeconds(120), 3, 9),
                new MinuteCount(ten.minusSeconds(60), 0, 2)));

        VolumeSeries series = VolumeSeries.of(frame, SHANGHAI);

        assertThat(series.minutes()).containsExactly("09:58", "09:59", "10:00");
        assertThat(series.today()).containsExactly(3L, 0L, 7L);
        assertThat(series.weekEarlier()).containsExactly(9L, 2L, 4L);
        assertThat(series.json()).isEqualTo(
                "{\"minutes\":[\"09:58\",\"09:59\",\"10:00\"],\"today\":[3,0,7],\"weekEarlier\":[9,2,4]}");
    }

    @Test
    void noFrameOrNoCallsPanelThenEmptySeries() {
        assertThat(VolumeSeries.of(null, SHANGHAI)).isEqualTo(VolumeSeries.EMPTY);
        assertThat(VolumeSeries.of(frame(List.of()), SHANGHAI).json())
                .isEqualTo("{\"minutes\":[],\"today\":[],\"weekEarlier\":[]}");
    }

    @Test
    void sameCountsThenEqualSeriesSoTheChartIsNotSentThemAgain() {
        List<MinuteCount> counts = List.of(new MinuteCount(Instant.parse("2026-11-26T02:00:00Z"), 7, 4));

        assertThat(VolumeSeries.of(frame(counts), SHANGHAI)).isEqualTo(VolumeSeries.of(frame(counts), SHANGHAI));
    }

    private static WallFrame frame(List<MinuteCount> perMinute) {
        CallPanel empty = CallPanel.empty(NOW);
        CallPanel calls = new CallPanel(empty.total(), empty.byQueue(), empty.agents(), perMinute, empty.callbacks());
        return new WallFrame(FrameKind.UPDATE, 1, NOW, CallFigures.empty(NOW), Map.of(), AgentCounts.NONE,
                TicketSummary.NONE, calls, TicketBoard.EMPTY);
    }
}
