package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.QueueLogIngestResult;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.call.CtiFileOffsets;
import com.hotlineops.server.BackendIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Following an Asterisk queue_log file: lines appended to a real file reach PostgreSQL through the same mapping as the
 * HTTP upload; a partial line waits; a restarted tailer resumes at the saved offset; rotation and truncation are
 * followed.
 */
class QueueLogTailerIntegrationTests extends BackendIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    CtiIntake intake;
    @Autowired
    CtiFileOffsets offsets;
    @Autowired
    CallEventStore calls;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @TempDir
    Path dir;

    private final List<QueueLogTailer> tailers = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long epoch;

    @AfterEach
    void stop() {
        tailers.forEach(QueueLogTailer::stop);
    }

    private QueueLogTailer tail(Path file) {
        QueueLogTailer t = new QueueLogTailer(file, Duration.ofMillis(100), Set.of("press2"), intake, offsets, clock,
                meters);
        tailers.add(t);
        t.start();
        return t;
    }

    /** An answered call (3 lines) and an abandoned one (2 lines), {@code n} distinguishing them. */
    private List<String> calls(String n) {
        epoch = clock.instant().getEpochSecond() - 600;
        return List.of(
                epoch + "|" + run + "-a" + n + "|support|NONE|ENTERQUEUE||13800138000|1",
                (epoch + 12) + "|" + run + "-a" + n + "|support|PJSIP/1001|CONNECT|12|x|3",
                (epoch + 90) + "|" + run + "-a" + n + "|support|PJSIP/1001|COMPLETEAGENT|12|78|1",
                (epoch + 5) + "|" + run + "-b" + n + "|press2|NONE|ENTERQUEUE||13900139000|1",
                (epoch + 35) + "|" + run + "-b" + n + "|press2|NONE|ABANDON|1|1|30");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    private Map<String, CallRecord> stored(String... ns) {
        List<String> ids = Arrays.stream(ns).flatMap(n -> List.of(run + "-a" + n, run + "-b" + n).stream()).toList();
        return calls.calls(ids).block(WAIT).stream()
                .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
    }

    private long eventsOf(String n) {
        return db.sql("select count(*) as n from call_event where call_id in ($1, $2)")
                .bind(0, run + "-a" + n).bind(1, run + "-b" + n)
                .map(r -> r.get("n", Long.class)).one().block(WAIT);
    }

    @Test
    void appendedLinesAreStoredAsTheUploadWouldStoreThemAndAPartialLineWaitsForItsEnd() throws IOException {
        Path file = dir.resolve("queue_log");
        List<String> first = calls("1");
        String partial = calls("2").getFirst();
        append(file, lines(first) + partial.substring(0, 20));
        double counted = meters.counter("hotline.cti.queue.log.lines").count();
        QueueLogTailer tailer = tail(file);

        await().atMost(WAIT).untilAsserted(() -> assertThat(stored("1")).hasSize(2));
        Map<String, CallRecord> one = stored("1");
        CallRecord answered = one.get(run + "-a1");
        assertThat(answered.queue()).isEqualTo(CallQueue.GENERAL);
        assertThat(answered.waitSeconds()).isEqualTo(12.0);
        assertThat(answered.endedAt()).isEqualTo(answered.offeredAt().plusSeconds(90));
        CallRecord abandoned = one.get(run + "-b1");
        assertThat(abandoned.queue()).isEqualTo(CallQueue.ENTERPRISE);
        assertThat(abandoned.abandoned()).isTrue();
        assertThat(abandoned.waitSeconds()).isEqualTo(30.0);
        assertThat(tailer.linesRead()).isEqualTo(5);
        assertThat(eventsOf("2")).isZero();

        append(file, partial.substring(20) + "\n" + lines(calls("2").subList(1, 5)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf("2")).isEqualTo(eventsOf("1")));
        assertThat(tailer.linesRead()).isEqualTo(10);
        assertThat(meters.counter("hotline.cti.queue.log.lines").count() - counted).isEqualTo(10);

        // The same lines uploaded over HTTP: every event is already there, under the same ids.
        QueueLogIngestResult upload = http.post().uri("/api/v1/cti/asterisk/queue-log?enterpriseQueues=press2")
                .headers(h -> h.setBearerAuth(token(http, "cti"))).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(Files.readString(file)).exchange().expectStatus().isOk()
                .expectBody(QueueLogIngestResult.class).returnResult().getResponseBody();
        assertThat(upload.events().accepted()).isZero();
        // per set: one call event per line, plus the agent's state for CONNECT and COMPLETEAGENT
        long agentEvents = 2 * 2;
        assertThat(upload.events().duplicate()).isEqualTo(eventsOf("1") + eventsOf("2") + agentEvents);
    }

    @Test
    void restartedTailerResumesAtTheSavedOffsetWithoutReadingAnyLineAgain() throws IOException {
        Path file = dir.resolve("queue_log");
        append(file, lines(calls("1")));
        QueueLogTailer first = tail(file);
        await().atMost(WAIT).untilAsserted(() -> assertThat(first.linesRead()).isEqualTo(5));
        await().atMost(WAIT).untilAsserted(() -> assertThat(offsets.find(file.toAbsolutePath().normalize()
                .toString()).block(WAIT).position()).isEqualTo(Files.size(file)));
        first.stop();

        append(file, lines(calls("2")));
        QueueLogTailer second = tail(file);
        await().atMost(WAIT).untilAsserted(() -> assertThat(stored("1", "2")).hasSize(4));
        assertThat(second.linesRead()).isEqualTo(5);
    }

    @Test
    void rotatedThenTruncatedFileIsFollowedFromTheStartOfTheNewContent() throws IOException {
        Path file = dir.resolve("queue_log");
        append(file, lines(calls("1")));
        QueueLogTailer tailer = tail(file);
        await().atMost(WAIT).untilAsserted(() -> assertThat(tailer.linesRead()).isEqualTo(5));

        // logrotate's default: the file is renamed and a new one is created at the same path.
        Files.move(file, dir.resolve("queue_log.1"));
        append(file, lines(calls("2")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stored("1", "2")).hasSize(4));

        // copytruncate: the same file cut to nothing, then written again.
        Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        await().atMost(WAIT).untilAsserted(() -> assertThat(offsets.find(file.toAbsolutePath().normalize()
                .toString()).block(WAIT).position()).isZero());
        append(file, lines(calls("3")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stored("1", "2", "3")).hasSize(6));
        assertThat(tailer.linesRead()).isEqualTo(15);
    }
}
