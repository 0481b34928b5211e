package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.local.TestServices;
import com.hotlineops.server.BackendApplication;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

/**
 * DESIGN.md §3: two backend instances on the same PostgreSQL and Redis publish the same live figures, and an instance
 * started after the events (a restart) rebuilds them from PostgreSQL; both equal {@code GET /api/v1/figures/calls}.
 */
class LiveFiguresAcrossInstancesIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    LiveState live;
    @Autowired
    Clock clock;

    private ConfigurableApplicationContext startInstance() {
        Map<String, Object> props = new HashMap<>(TestServices.get().springProperties());
        props.put("server.port", "0");
        props.put("spring.rsocket.server.port", "0");
        props.put("hotline.demo.enabled", "false");
        // as command-line arguments: they must win over application.yaml, as the test's dynamic properties do
        return new SpringApplicationBuilder(BackendApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Calls of today so far (Asia/Shanghai), answered, abandoned short and long, in both queues, in any order. */
    private List<CtiEvent> todaysCalls(String run) {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        long span = Duration.between(dayStart, now).toMillis();
        List<CtiEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String call = run + "-" + i;
            CallQueue queue = i % 3 == 0 ? CallQueue.ENTERPRISE : CallQueue.GENERAL;
            // nanoseconds on purpose: PostgreSQL keeps microseconds, and both instances must agree all the same
            Instant offered = dayStart.plusMillis(span * i / 40).plusNanos(123_456_789 % (i + 2));
            Instant outcome = offered.plusSeconds(i % 25);
            events.add(CtiEvent.call(call + "-x", i % 2 == 0 ? CtiEventType.CALL_ANSWERED
                    : CtiEventType.CALL_ABANDONED, call, queue, outcome, null, "a" + i % 4));
            events.add(CtiEvent.call(call + "-o", CtiEventType.CALL_OFFERED, call, queue, offered, null, null));
        }
        events.addAll(events.subList(0, 10));
        return events;
    }

    private static CallFigures comparable(CallFigures f) {
        return new CallFigures(f.offered(), f.answered(), f.abandonedShort(), f.abandonedLong(), f.answerRate(),
                f.timelyAnswerRate(), f.serviceLevel(), f.abandonRate(), f.asaSeconds(), f.inQueue(), null,
                f.oldestWaitingSince(), null);
    }

    private void assertSameFigures(WallFrame a, WallFrame b) {
        assertThat(comparable(a.today())).isEqualTo(comparable(b.today()));
        assertThat(comparable(a.calls().total().today())).isEqualTo(comparable(a.today()));
        assertThat(comparable(a.calls().total().last60Minutes()))
                .isEqualTo(comparable(b.calls().total().last60Minutes()));
        for (CallQueue q : CallQueue.values()) {
            assertThat(comparable(a.todayByQueue().get(q))).isEqualTo(comparable(b.todayByQueue().get(q)));
        }
        assertThat(a.agents()).isEqualTo(b.agents());
    }

    @Test
    void secondInstanceAndRestartedInstanceThenSameFiguresAsFirstAndAsTheApi() {
        try (ConfigurableApplicationContext second = startInstance()) {
            LiveState secondLive = second.getBean(LiveState.class);
            String run = UUID.randomUUID().toString();
            long offeredBefore = live.frame(FrameKind.SNAPSHOT).today().offered();
            http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                    .contentType(MediaType.APPLICATION_NDJSON)
                    .bodyValue(todaysCalls(run).stream().map(json::writeValueAsString)
                            .collect(Collectors.joining("\n")))
                    .exchange().expectStatus().isOk();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                WallFrame first = live.frame(FrameKind.UPDATE);
                assertThat(first.today().offered()).isEqualTo(offeredBefore + 30);
                assertSameFigures(first, secondLive.frame(FrameKind.UPDATE));
            });
            Instant dayStart = LocalDate.ofInstant(clock.instant(), ZONE).atStartOfDay(ZONE).toInstant();
            CallFigures api = http.get()
                    .uri(u -> u.path("/api/v1/figures/calls").queryParam("from", dayStart)
                            .queryParam("to", dayStart.plus(Duration.ofDays(1))).build())
                    .headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                    .exchange().expectStatus().isOk()
                    .expectBody(CallFigures.class).returnResult().getResponseBody();
            assertThat(comparable(live.frame(FrameKind.UPDATE).today())).isEqualTo(comparable(api));
        }
        try (ConfigurableApplicationContext restarted = startInstance()) {
            assertSameFigures(live.frame(FrameKind.UPDATE),
                    restarted.getBean(LiveState.class).frame(FrameKind.SNAPSHOT));
        }
    }
}
