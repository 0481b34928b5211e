package com.hotlineops.server.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.local.CallCentreReplay;
import com.hotlineops.server.BackendIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

/**
 * The real call-centre day (Anonymous Bank, 1 August 1999) replayed through {@code POST /api/v1/cti/events}, shuffled
 * and with repeats, then every figure of DESIGN.md §2.4 from {@code GET /api/v1/figures/calls} compared with a
 * calculation made here from the CSV alone. The expected side only shares the documented replay mapping
 * (docs/decisions/0010): offered at q_start (or vru_exit when routed straight to an agent), wait = q_time, VRU hang-ups
 * and PHANTOM rows not offered, NE/IN in the enterprise queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDayReplayIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(1999, 8, 1);
    private static final Path CSV = Path.of(System.getProperty("hotline.shared.dir"),
            "data/callcentre-anonymousbank/calls_one_day.csv");

    private final List<ExpectedCall> calls = new ArrayList<>();
    private int uniqueEvents;
    private int accepted;
    private int duplicates;
    private int sent;

    @BeforeAll
    void replayTheDayShuffledWithRepeats() throws IOException {
        calls.addAll(readIndependently());
        List<CtiEvent> events = CallCentreReplay.events(CSV, null, DAY);
        uniqueEvents = events.size();
        List<CtiEvent> traffic = new ArrayList<>(events);
        Random random = new Random(4);
        for (int i = 0; i < events.size() / 10; i++) {
            traffic.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(traffic, random);
        sent = traffic.size();
        String token = token(http, "cti");
        for (int i = 0; i < traffic.size(); i += 400) {
            String ndjson = traffic.subList(i, Math.min(traffic.size(), i + 400)).stream()
                    .map(json::writeValueAsString).collect(Collectors.joining("\n"));
            CtiIngestResult r = http.post().uri("/api/v1/cti/events")
                    .headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_NDJSON)
                    .bodyValue(ndjson)
                    .exchange().expectStatus().isOk()
                    .expectBody(CtiIngestResult.class).returnResult().getResponseBody();
            assertThat(r.rejections()).isEmpty();
            accepted += r.accepted();
            duplicates += r.duplicate();
        }
    }

    @Test
    void replayedDayThenEveryEventStoredOnceAndEveryRepeatCountedAsDuplicate() {
        assertThat(accepted).isEqualTo(uniqueEvents);
        assertThat(duplicates).isEqualTo(sent - uniqueEvents);
        // 1,243 + 726 + 2 queued calls and 268 routed straight to an agent (see the class comment)
        assertThat(calls).hasSize(2239);
    }

    @Test
    void wholeDayThenEveryFigureEqualsTheIndependentCalculationPerQueueAndInTotal() {
        Instant from = DAY.atStartOfDay(ZONE).toInstant();
        Instant to = DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
        for (CallQueue queue : new CallQueue[] {null, CallQueue.GENERAL, CallQueue.ENTERPRISE}) {
            assertFiguresMatch(from, to, queue);
        }
    }

    @Test
    void windowsOfTheDayThenEveryFigureEqualsTheIndependentCalculationPerQueueAndInTotal() {
        String[][] windows = {{"07:00", "08:00"}, {"09:00", "10:00"}, {"10:00", "10:15"}, {"10:15", "10:30"},
                {"14:00", "15:00"}, {"15:30", "16:30"}, {"23:45", "23:59"}};
        for (String[] w : windows) {
            Instant from = DAY.atTime(LocalTime.parse(w[0])).atZone(ZONE).toInstant();
            Instant to = DAY.atTime(LocalTime.parse(w[1])).atZone(ZONE).toInstant();
            for (CallQueue queue : new CallQueue[] {null, CallQueue.GENERAL, CallQueue.ENTERPRISE}) {
                assertFiguresMatch(from, to, queue);
            }
        }
    }

    @Test
    void sameDayReplayedInOrderOntoAnotherDateThenTheSameFiguresAsShuffledWithRepeats() throws IOException {
        LocalDate other = DAY.plusDays(1);
        List<CtiEvent> ordered = CallCentreReplay.events(CSV, null, other);
        String token = token(http, "cti");
        for (int i = 0; i < ordered.size(); i += 500) {
            String ndjson = ordered.subList(i, Math.min(ordered.size(), i + 500)).stream()
                    .map(json::writeValueAsString).collect(Collectors.joining("\n"));
            http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson)
                    .exchange().expectStatus().isOk();
        }
        for (CallQueue queue : new CallQueue[] {null, CallQueue.GENERAL, CallQueue.ENTERPRISE}) {
            CallFigures shuffled = figures(DAY.atStartOfDay(ZONE).toInstant(),
                    DAY.plusDays(1).atStartOfDay(ZONE).toInstant(), queue);
            CallFigures inOrder = figures(other.atStartOfDay(ZONE).toInstant(),
                    other.plusDays(1).atStartOfDay(ZONE).toInstant(), queue);
            assertThat(inOrder).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(shuffled);
        }
    }

    private CallFigures figures(Instant from, Instant to, CallQueue queue) {
        return http.get()
                .uri(u -> u.path("/api/v1/figures/calls").queryParam("from", from).queryParam("to", to)
                        .queryParamIfPresent("queue", java.util.Optional.ofNullable(queue)).build())
                .headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(CallFigures.class).returnResult().getResponseBody();
    }

    private void assertFiguresMatch(Instant from, Instant to, CallQueue queue) {
        CallFigures actual = figures(from, to, queue);
        Expected expected = expected(from, to, queue);
        String where = from + "–" + to + " " + (queue == null ? "all queues" : queue);
        assertThat(actual.offered()).as("offered " + where).isEqualTo(expected.offered);
        assertThat(actual.answered()).as("answered " + where).isEqualTo(expected.answered);
        assertThat(actual.abandonedShort()).as("short abandons " + where).isEqualTo(expected.abandonedShort);
        assertThat(actual.abandonedLong()).as("long abandons " + where).isEqualTo(expected.abandonedLong);
        assertRate(actual.answerRate(), expected.answered, expected.handled(), "answer rate " + where);
        assertRate(actual.timelyAnswerRate(), expected.timely, expected.answered, "timely answer rate " + where);
        assertRate(actual.serviceLevel(), expected.timely, expected.handled(), "service level " + where);
        assertRate(actual.abandonRate(), expected.abandonedLong, expected.handled(), "abandon rate " + where);
        assertRate(actual.asaSeconds(), expected.waitOfAnswered, expected.answered, "ASA " + where);
        assertThat(actual.inQueue()).as("in queue " + where).isZero();
        assertThat(actual.longestWaitSeconds()).as("longest wait " + where).isNull();
    }

    private static void assertRate(Double actual, long numerator, long denominator, String what) {
        if (denominator == 0) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isCloseTo((double) numerator / denominator, within(1e-9));
        }
    }

    private Expected expected(Instant from, Instant to, CallQueue queue) {
        Expected x = new Expected();
        for (ExpectedCall c : calls) {
            if (c.offeredAt.isBefore(from) || !c.offeredAt.isBefore(to) || (queue != null && c.queue != queue)) {
                continue;
            }
            x.offered++;
            if (c.answered) {
                x.answered++;
                x.waitOfAnswered += c.waitSeconds;
                if (c.waitSeconds <= 15) {
                    x.timely++;
                }
            } else if (c.waitSeconds < 5) {
                x.abandonedShort++;
            } else {
                x.abandonedLong++;
            }
        }
        return x;
    }

    /** Reads the CSV with its own code: each row that reaches the agents, when it was offered, its wait, outcome. */
    private static List<ExpectedCall> readIndependently() throws IOException {
        List<String> lines = Files.readAllLines(CSV);
        Map<String, Integer> col = new HashMap<>();
        String[] header = lines.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        List<ExpectedCall> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String outcome = f[col.get("outcome")];
            boolean queued = !f[col.get("q_start")].equals("0:00:00");
            if (outcome.equals("PHANTOM") || (!queued && outcome.equals("HANG"))) {
                continue;
            }
            LocalTime offered = LocalTime.parse(pad(f[col.get(queued ? "q_start" : "vru_exit")]));
            LocalTime entered = LocalTime.parse(pad(f[col.get("vru_entry")]));
            assertThat(entered.toSecondOfDay() - offered.toSecondOfDay())
                    .as("no call of this day is offered after midnight (only seconds of clock skew)")
                    .isLessThan(43_200);
            String type = f[col.get("type")];
            CallQueue queue = type.equals("NE") || type.equals("IN") ? CallQueue.ENTERPRISE : CallQueue.GENERAL;
            out.add(new ExpectedCall(DAY.atTime(offered).atZone(ZONE).toInstant(), queue, outcome.equals("AGENT"),
                    queued ? Long.parseLong(f[col.get("q_time")]) : 0));
        }
        return out;
    }

    private static String pad(String time) {
        return time.length() == 7 ? "0" + time : time;
    }

    private record ExpectedCall(Instant offeredAt, CallQueue queue, boolean answered, long waitSeconds) {
    }

    private static final class Expected {
        long offered;
        long answered;
        long timely;
        long abandonedShort;
        long abandonedLong;
        long waitOfAnswered;

        long handled() {
            return answered + abandonedLong;
        }
    }
}
