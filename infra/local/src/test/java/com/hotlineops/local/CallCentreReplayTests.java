package com.hotlineops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallCentreReplayTests {

    private static final String MONTH_HEADER = "vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,"
            + "vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server";
    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    private List<CtiEvent> replay(MonthDay day, String... rows) throws IOException {
        Path csv = dir.resolve("calls.csv");
        Files.writeString(csv, MONTH_HEADER + "\n" + String.join("\n", rows) + "\n");
        return CallCentreReplay.events(csv, day, DATE);
    }

    private static Instant at(String localTime) {
        return DATE.atTime(java.time.LocalTime.parse(localTime)).atZone(CallCentreReplay.ZONE).toInstant();
    }

    @Test
    void queuedAnsweredCallThenOfferedAtQueueStartAnsweredAtQueueExitEndedAtServiceExit() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0101,100,12345678,2,NE,2010-08-01,10:00:00,10:00:10,10,10:00:10,10:00:40,30,AGENT,10:00:39,"
                        + "10:03:00,141,DORIT");

        assertThat(events).extracting(CtiEvent::type).containsExactly(CtiEventType.CALL_OFFERED,
                CtiEventType.CALL_ANSWERED, CtiEventType.CALL_ENDED);
        assertThat(events).extracting(CtiEvent::occurredAt)
                .containsExactly(at("10:00:10"), at("10:00:40"), at("10:03:00"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.queue()).isEqualTo(CallQueue.ENTERPRISE);
            assertThat(e.callerNumber()).isEqualTo("12345678");
            assertThat(e.callId()).isEqualTo("ab-2026-11-20-AA0101-100");
        });
    }

    @Test
    void queuedHangThenAbandonedAtQueueExit() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0101,101,0,0,PS,2010-08-01,10:00:00,10:00:10,10,10:00:10,10:01:10,60,HANG,0:00:00,0:00:00,0,"
                        + "NO_SERVER");

        assertThat(events).extracting(CtiEvent::type)
                .containsExactly(CtiEventType.CALL_OFFERED, CtiEventType.CALL_ABANDONED);
        assertThat(events.get(1).occurredAt()).isEqualTo(at("10:01:10"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.queue()).isEqualTo(CallQueue.GENERAL);
            assertThat(e.callerNumber()).isNull();
        });
    }

    @Test
    void callStraightFromVruToAgentThenOfferedAndAnsweredAtVruExit() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0101,102,0,0,PS,2010-08-01,10:00:00,10:00:10,10,0:00:00,0:00:00,0,AGENT,10:00:09,10:02:00,111,"
                        + "NAAMA");

        assertThat(events).extracting(CtiEvent::occurredAt)
                .containsExactly(at("10:00:10"), at("10:00:10"), at("10:02:00"));
    }

    @Test
    void hangUpInVruAndPhantomThenNoEvents() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0101,103,0,0,PS,2010-08-01,10:00:00,10:00:30,30,0:00:00,0:00:00,0,HANG,0:00:00,0:00:00,0,NO_SERVER",
                "AA0101,104,0,0,PS,2010-08-01,10:00:00,10:00:05,5,10:00:05,10:02:24,139,PHANTOM,10:02:24,10:02:27,3,"
                        + "NO_SERVER");

        assertThat(events).isEmpty();
    }

    @Test
    void callAcrossMidnightThenLaterTimesOnTheNextDay() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0101,105,0,0,PS,2010-08-01,23:59:50,23:59:55,5,23:59:55,0:00:20,25,AGENT,0:00:20,0:05:00,280,DORIT");

        assertThat(events).extracting(CtiEvent::occurredAt).containsExactly(at("23:59:55"),
                at("00:00:20").plusSeconds(86_400), at("00:05:00").plusSeconds(86_400));
    }

    @Test
    void queueStartSlightlyBeforeVruEntryThenSameDayAsTheDataClocksDisagreeBySeconds() throws IOException {
        List<CtiEvent> events = replay(null,
                "AA0207,7039,0,0,PS,2010-08-01,12:04:42,12:03:15,-87,12:03:15,12:04:56,101,AGENT,12:04:55,12:05:56,61,"
                        + "VICKY");

        assertThat(events).extracting(CtiEvent::occurredAt)
                .containsExactly(at("12:03:15"), at("12:04:56"), at("12:05:56"));
    }

    @Test
    void monthFileWithDayThenOnlyThatDaysRowsReplayedOntoTheChosenDate() throws IOException {
        List<CtiEvent> events = replay(MonthDay.of(8, 2),
                "AA0101,106,0,0,PS,2010-08-01,10:00:00,10:00:10,10,10:00:10,10:01:10,60,HANG,0:00:00,0:00:00,0,N",
                "AA0101,107,0,0,PS,2010-08-02,11:00:00,11:00:10,10,11:00:10,11:01:10,60,HANG,0:00:00,0:00:00,0,N");

        assertThat(events).extracting(CtiEvent::callId).containsOnly("ab-2026-11-20-AA0101-107");
        assertThat(events.getFirst().occurredAt()).isEqualTo(at("11:00:10"));
    }

    @Test
    void realDayThenEveryCallThatReachedTheAgentsIsOfferedOnceWithIdempotentIds() throws IOException {
        Path csv = Path.of(System.getProperty("hotline.shared.dir"), "data/callcentre-anonymousbank/calls_one_day.csv");

        List<CtiEvent> events = CallCentreReplay.events(csv, null, DATE);

        assertThat(events.stream().filter(e -> e.type() == CtiEventType.CALL_OFFERED)).hasSize(2239);
        assertThat(events.stream().map(CtiEvent::eventId).distinct()).hasSize(events.size());
        assertThat(CallCentreReplay.events(csv, null, DATE)).isEqualTo(events);
    }

    @Test
    void paceAtSpeedZeroThenAllEventsInBatchesOfTheGivenSize() throws Exception {
        Path csv = Path.of(System.getProperty("hotline.shared.dir"), "data/callcentre-anonymousbank/calls_one_day.csv");
        List<CtiEvent> events = CallCentreReplay.events(csv, null, DATE);
        List<List<CtiEvent>> batches = new ArrayList<>();

        CallCentreReplay.pace(events, 0, 500, batches::add);

        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(500));
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(events);
    }
}
