package com.hotlineops.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallFiguresCalculatorTests {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-26T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-27T00:00:00Z");

    private static CallRecord answered(String id, double waitSeconds) {
        return CallRecord.of(id)
                .with(event(id, CtiEventType.CALL_OFFERED, T0))
                .with(event(id, CtiEventType.CALL_ANSWERED, T0.plusMillis((long) (waitSeconds * 1000))));
    }

    private static CallRecord abandoned(String id, double waitSeconds) {
        return CallRecord.of(id)
                .with(event(id, CtiEventType.CALL_OFFERED, T0))
                .with(event(id, CtiEventType.CALL_ABANDONED, T0.plusMillis((long) (waitSeconds * 1000))));
    }

    private static CtiEvent event(String callId, CtiEventType type, Instant at) {
        return CtiEvent.call(callId + type, type, callId, CallQueue.GENERAL, at, null, null);
    }

    @Test
    void figuresFollowTheDefinitionsIncludingBoundaries() {
        List<CallRecord> calls = List.of(
                answered("a", 3), answered("b", 15), answered("c", 15.001), answered("d", 40),
                abandoned("e", 4.999), abandoned("f", 5), abandoned("g", 60),
                CallRecord.of("h").with(event("h", CtiEventType.CALL_OFFERED, T0.plusSeconds(100))));

        CallFigures f = new CallFiguresCalculator(FROM, TO, null).addAll(calls).result(T0.plusSeconds(130));

        assertThat(f.offered()).isEqualTo(8);
        assertThat(f.answered()).isEqualTo(4);
        assertThat(f.abandonedShort()).isEqualTo(1);
        assertThat(f.abandonedLong()).isEqualTo(2);
        assertThat(f.answerRate()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(f.timelyAnswerRate()).isCloseTo(2.0 / 4, within(1e-12));
        assertThat(f.serviceLevel()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(f.abandonRate()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(f.asaSeconds()).isCloseTo((3 + 15 + 15.001 + 40) / 4, within(1e-9));
        assertThat(f.inQueue()).isEqualTo(1);
        assertThat(f.longestWaitSeconds()).isEqualTo(30);
        assertThat(f.oldestWaitingSince()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void noHandledCallsThenRatesAreNullNotZero() {
        CallFigures f = new CallFiguresCalculator(FROM, TO, null).add(abandoned("x", 2)).result(T0);
        assertThat(f.offered()).isEqualTo(1);
        assertThat(f.answerRate()).isNull();
        assertThat(f.timelyAnswerRate()).isNull();
        assertThat(f.serviceLevel()).isNull();
        assertThat(f.abandonRate()).isNull();
        assertThat(f.asaSeconds()).isNull();
        assertThat(f.longestWaitSeconds()).isNull();
    }

    @Test
    void callsOfferedOutsideTheWindowOrOtherQueueThenNotCounted() {
        CallRecord early = CallRecord.of("early").with(event("early", CtiEventType.CALL_OFFERED, FROM.minusMillis(1)));
        CallRecord atEnd = CallRecord.of("end").with(event("end", CtiEventType.CALL_OFFERED, TO));
        CallRecord enterprise = CallRecord.of("ent").with(
                CtiEvent.call("ent-o", CtiEventType.CALL_OFFERED, "ent", CallQueue.ENTERPRISE, T0, null, null));
        CallRecord atStart = CallRecord.of("start").with(event("start", CtiEventType.CALL_OFFERED, FROM));

        CallFigures general = new CallFiguresCalculator(FROM, TO, CallQueue.GENERAL)
                .addAll(List.of(early, atEnd, enterprise, atStart)).result(T0);

        assertThat(general.offered()).isEqualTo(1);
    }

    @Test
    void eventsInAnyOrderAndRepeatedThenSameRecord() {
        List<CtiEvent> events = new ArrayList<>(List.of(
                event("c", CtiEventType.CALL_OFFERED, T0),
                event("c", CtiEventType.CALL_ANSWERED, T0.plusSeconds(9)),
                event("c", CtiEventType.CALL_ENDED, T0.plusSeconds(200))));
        CallRecord ordered = fold(events);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<CtiEvent> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);
            assertThat(fold(shuffled)).isEqualTo(ordered);
        }
        assertThat(ordered.waitSeconds()).isEqualTo(9.0);
    }

    private static CallRecord fold(List<CtiEvent> events) {
        CallRecord r = CallRecord.of("c");
        for (CtiEvent e : events) {
            r = r.with(e);
        }
        return r;
    }
}
