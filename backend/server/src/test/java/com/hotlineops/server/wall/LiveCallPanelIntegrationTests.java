package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.call.MinuteCount;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wall's calls panel: live windows per queue, and calls per minute beside the same minutes a week earlier. */
class LiveCallPanelIntegrationTests extends BackendIntegrationTest {

    /** 11:30 in Asia/Shanghai. */
    private static final Instant NOW = Instant.parse("2025-05-10T03:30:20Z");

    @Autowired
    CallEventStore store;
    @Autowired
    HotlineProperties properties;
    @Autowired
    CallbackQueue callbacks;

    /** Its own panel: the application's one follows the real clock's minutes. */
    private LiveCallPanel panels;

    @BeforeEach
    void newPanel() {
        panels = new LiveCallPanel(store, callbacks, properties);
    }

    private static CallRecord call(String id, CallQueue queue, Instant offered, Integer answeredAfter,
            Integer abandonedAfter) {
        CallRecord c = CallRecord.of(id).with(CtiEvent.call(id + "-o", CtiEventType.CALL_OFFERED, id, queue, offered,
                null, null));
        if (answeredAfter != null) {
            c = c.with(CtiEvent.call(id + "-a", CtiEventType.CALL_ANSWERED, id, queue,
                    offered.plusSeconds(answeredAfter), null, "a1"));
        }
        if (abandonedAfter != null) {
            c = c.with(CtiEvent.call(id + "-x", CtiEventType.CALL_ABANDONED, id, queue,
                    offered.plusSeconds(abandonedAfter), null, null));
        }
        return c;
    }

    @Test
    void callsAtDifferentAgesThenEachWindowCountsOnlyItsOwnPerQueueAndInTotal() {
        List<CallRecord> calls = List.of(
                call("c1", CallQueue.GENERAL, NOW.minus(Duration.ofMinutes(5)), 10, null),
                call("c2", CallQueue.ENTERPRISE, NOW.minus(Duration.ofMinutes(10)), null, 30),
                call("c3", CallQueue.GENERAL, NOW.minus(Duration.ofMinutes(40)), 20, null),
                call("c4", CallQueue.GENERAL, NOW.minus(Duration.ofHours(3)), null, 2),
                call("c5", CallQueue.ENTERPRISE, NOW.minusSeconds(30), null, null),
                // yesterday in Asia/Shanghai: in no window of today
                call("c6", CallQueue.GENERAL, Instant.parse("2025-05-09T15:59:00Z"), 5, null));

        CallPanel panel = panels.panel(calls, new AgentCounts(3, 2, 1, 0, 4), NOW);

        assertThat(panel.total().today().offered()).isEqualTo(5);
        assertThat(panel.total().last60Minutes().offered()).isEqualTo(4);
        assertThat(panel.total().last15Minutes().offered()).isEqualTo(3);
        assertThat(panel.total().last15Minutes().answered()).isEqualTo(1);
        assertThat(panel.total().last15Minutes().abandonedLong()).isEqualTo(1);
        assertThat(panel.total().last15Minutes().inQueue()).isEqualTo(1);
        assertThat(panel.total().last15Minutes().longestWaitSeconds()).isEqualTo(30);
        assertThat(panel.total().today().abandonedShort()).isEqualTo(1);
        assertThat(panel.byQueue().get(CallQueue.GENERAL).today().offered()).isEqualTo(3);
        assertThat(panel.byQueue().get(CallQueue.GENERAL).last15Minutes().offered()).isEqualTo(1);
        assertThat(panel.byQueue().get(CallQueue.ENTERPRISE).last60Minutes().offered()).isEqualTo(2);
        assertThat(panel.byQueue().get(CallQueue.ENTERPRISE).last60Minutes().answerRate()).isEqualTo(0.0);
        assertThat(panel.agents().staffed()).isEqualTo(6);
    }

    @Test
    void callsPerMinuteThenLastSixtyMinutesOldestFirstBesideTheSameMinutesAWeekEarlier() {
        String run = UUID.randomUUID().toString();
        Instant weekEarlier = NOW.minus(Duration.ofDays(7));
        List<CtiEvent> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(CtiEvent.call(run + "-w" + i, CtiEventType.CALL_OFFERED, run + "-w" + i, CallQueue.GENERAL,
                    weekEarlier.minusSeconds(60 + i), null, null));
        }
        history.add(CtiEvent.call(run + "-old", CtiEventType.CALL_OFFERED, run + "-old", CallQueue.GENERAL,
                weekEarlier.minus(Duration.ofMinutes(61)), null, null));
        store.store(history).block(Duration.ofSeconds(10));
        List<CallRecord> live = List.of(call("n1", CallQueue.GENERAL, NOW.minusSeconds(5), 3, null),
                call("n2", CallQueue.ENTERPRISE, NOW.minus(Duration.ofMinutes(59)), 3, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<MinuteCount> minutes = panels.panel(live, AgentCounts.NONE, NOW).perMinute();
            assertThat(minutes).hasSize(60);
            assertThat(minutes.getFirst().minute()).isEqualTo(Instant.parse("2025-05-10T02:31:00Z"));
            assertThat(minutes.getLast().minute()).isEqualTo(Instant.parse("2025-05-10T03:30:00Z"));
            assertThat(minutes.getLast().offered()).isEqualTo(1);
            assertThat(minutes.getFirst().offered()).isEqualTo(1);
            assertThat(minutes.get(58).offeredWeekEarlier()).isEqualTo(3);
            assertThat(minutes.stream().mapToLong(MinuteCount::offeredWeekEarlier).sum()).isEqualTo(3);
            assertThat(minutes.stream().mapToLong(MinuteCount::offered).sum()).isEqualTo(2);
        });
    }
}
