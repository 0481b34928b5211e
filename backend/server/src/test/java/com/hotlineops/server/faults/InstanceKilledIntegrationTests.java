package com.hotlineops.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.local.EmbeddedServices;
import com.hotlineops.server.wall.LiveState;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN.md §3 faults, an instance killed: two backends share PostgreSQL and Redis; the one relaying the outbox dies
 * abruptly (every PostgreSQL session of it terminated, then its context closed) while CTI events stream in through
 * both. The other takes the relay over, and every acknowledged event is on the Redis stream exactly once (counted by
 * event id), and in the survivor's live figures.
 */
class InstanceKilledIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** {@code OutboxRelay}'s session-level advisory lock: whoever holds it relays. */
    private static final long LEADER_LOCK = 0x4_071_0ffL;

    @Test
    void relayLeaderKilledMidStreamThenTheOtherTakesOverAndEveryEventIsOnTheStreamExactlyOnce() throws Exception {
        try (EmbeddedServices services = EmbeddedServices.forTests()) {
            ConfigurableApplicationContext a = Backends.start(services,
                    Map.of("hotline.demo.enabled", "true", "hotline.db.application-name", "hotline-a"));
            try (ConfigurableApplicationContext b = Backends.start(services,
                    Map.of("hotline.db.application-name", "hotline-b"))) {
                DatabaseClient db = b.getBean(DatabaseClient.class);
                await().atMost(WAIT).until(() -> "hotline-a".equals(leader(db)));
                WebTestClient httpA = Backends.http(a);
                WebTestClient httpB = Backends.http(b);
                String token = Backends.token(httpB, "cti");
                Instant now = b.getBean(Clock.class).instant();
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicBoolean producing = new AtomicBoolean(true);
                AtomicInteger toA = new AtomicInteger();

                Thread steady = Thread.ofVirtual().start(() -> {
                    for (int i = 0; producing.get(); i++) {
                        postUntilAcknowledged(List.of(httpB), token, Backends.calls("b" + i + "-" + UUID.randomUUID(),
                                30, now), acknowledged);
                    }
                });
                for (int i = 0; i < 8; i++) {
                    postUntilAcknowledged(List.of(httpA, httpB), token,
                            Backends.calls("a" + i + "-" + UUID.randomUUID(), 30, now), acknowledged);
                    toA.incrementAndGet();
                }
                // The kill: its sessions die mid-transaction (PostgreSQL rolls back what it had not committed, the
                // leader lock goes with its session), then the process stops.
                db.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hotline-a'")
                        .then().block(WAIT);
                a.close();
                for (int i = 0; i < 8; i++) {
                    postUntilAcknowledged(List.of(httpB), token,
                            Backends.calls("c" + i + "-" + UUID.randomUUID(), 30, now), acknowledged);
                }
                producing.set(false);
                steady.join(WAIT.toMillis());

                await().atMost(WAIT).until(() -> "hotline-b".equals(leader(db)));
                await().atMost(WAIT).until(() -> count(db, "select count(*) as n from outbox") == 0);
                Map<String, Integer> onStream = eventIdsOnStream(services, b.getBean(JsonMapper.class));
                assertThat(toA.get()).isEqualTo(8);
                assertThat(acknowledged).hasSizeGreaterThan(16 * 60);
                assertThat(onStream.keySet()).containsAll(acknowledged);
                assertThat(onStream).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));

                LiveState live = b.getBean(LiveState.class);
                await().atMost(WAIT).untilAsserted(() -> assertThat(Backends.comparable(live.frame(FrameKind.UPDATE)
                        .today())).isEqualTo(Backends.comparable(figures(httpB, token(httpB), now))));
            } finally {
                a.close();
            }
        }
    }

    private static String token(WebTestClient http) {
        return Backends.token(http, "supervisor1");
    }

    /**
     * Posts the batch to the first instance that answers 200 (a dead one refuses or fails); a retry on another
     * instance is safe, the ingest being idempotent on event id.
     */
    private static void postUntilAcknowledged(List<WebTestClient> instances, String token, List<CtiEvent> events,
            Set<String> acknowledged) {
        Object last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            WebTestClient http = instances.get(Math.min(attempt, instances.size() - 1));
            try {
                var result = http.post().uri("/api/v1/cti/events")
                        .headers(h -> h.setBearerAuth(token)).bodyValue(events)
                        .exchange().expectBody(String.class).returnResult();
                if (result.getStatus().value() == HttpStatus.OK.value()) {
                    events.forEach(e -> acknowledged.add(e.eventId()));
                    return;
                }
                last = result.getStatus() + " " + result.getResponseBody();
            } catch (RuntimeException | AssertionError e) {
                // the instance is going or gone: the next attempt goes to the other one
                last = e;
            }
        }
        throw new AssertionError("no instance took a batch of " + events.size() + " events: " + last);
    }

    private static String leader(DatabaseClient db) {
        return db.sql("""
                        select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                         where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1""")
                .bind(0, LEADER_LOCK)
                .map(r -> r.get("application_name", String.class)).all().next().block(Duration.ofSeconds(10));
    }

    /** Every CTI event id on the Redis stream, with how many times it appears. */
    private static Map<String, Integer> eventIdsOnStream(EmbeddedServices services, JsonMapper json) {
        RedisClient client = RedisClient.create(services.redisUrl());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            Map<String, Integer> ids = new HashMap<>();
            List<StreamMessage<String, String>> entries = c.sync().xrange(services.redisPrefix() + "events",
                    Range.create("-", "+"));
            for (StreamMessage<String, String> m : entries) {
                if ("CALLS".equals(m.getBody().get("topic"))) {
                    for (CtiEvent e : json.readValue(m.getBody().get("payload"), CtiEvent[].class)) {
                        ids.merge(e.eventId(), 1, Integer::sum);
                    }
                }
            }
            return ids;
        } finally {
            client.shutdown();
        }
    }

    private static CallFigures figures(WebTestClient http, String token, Instant now) {
        Instant dayStart = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        return http.get().uri(u -> u.path("/api/v1/figures/calls").queryParam("from", dayStart)
                        .queryParam("to", dayStart.plus(Duration.ofDays(1))).build())
                .headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(CallFigures.class).returnResult().getResponseBody();
    }

    private static long count(DatabaseClient db, String sql) {
        return db.sql(sql).map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }
}
