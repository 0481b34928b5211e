package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.server.BackendIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Group commit of CTI requests against real PostgreSQL: shared transactions, exact counts, a bounded queue. */
class CtiBatcherIntegrationTests extends BackendIntegrationTest {

    @Autowired
    CtiBatcher batcher;
    @Autowired
    CallEventStore store;

    private static List<CtiEvent> calls(String prefix, int n, Instant at) {
        List<CtiEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(CtiEvent.call(prefix + "-" + i, CtiEventType.CALL_OFFERED, prefix + "-" + i, CallQueue.GENERAL,
                    at.plusSeconds(i), null, null));
        }
        return events;
    }

    @Test
    void concurrentRequestsThenFewerCommitsThanRequestsAndEachNewEventCreditedOnce() {
        String run = UUID.randomUUID().toString();
        Instant at = Instant.parse("2025-04-01T02:00:00Z");
        List<CtiEvent> shared = calls(run + "-shared", 10, at);
        List<Mono<Integer>> requests = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            List<CtiEvent> events = new ArrayList<>(calls(run + "-r" + r, 25, at));
            events.addAll(shared);
            requests.add(batcher.submit(events));
        }
        long before = batcher.batchesWritten();

        List<Integer> accepted = Flux.mergeSequential(requests).collectList().block(Duration.ofSeconds(30));

        assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40 * 25 + 10);
        assertThat(batcher.batchesWritten() - before).isBetween(1L, 39L);
        assertThat(store.callsOfferedBetween(at, at.plusSeconds(60)).block(Duration.ofSeconds(10))
                .stream().filter(c -> c.callId().startsWith(run))).hasSize(40 * 25 + 10);
    }

    @Test
    void concurrentRequestsRepeatingEachOthersEventsInAnyOrderThenEachStoredOnceAndCreditedOnce() {
        String run = UUID.randomUUID().toString();
        Instant at = Instant.parse("2025-04-04T02:00:00Z");
        List<CtiEvent> shared = calls(run + "-shared", 60, at);
        Random random = new Random();
        List<Mono<Integer>> requests = new ArrayList<>();
        Set<String> sharedSent = new HashSet<>();
        for (int r = 0; r < 30; r++) {
            List<CtiEvent> events = new ArrayList<>(calls(run + "-r" + r, 40, at));
            List<CtiEvent> some = shared.subList(random.nextInt(30), 30 + random.nextInt(31));
            some.forEach(e -> sharedSent.add(e.eventId()));
            events.addAll(some);
            Collections.shuffle(events, random);
            requests.add(batcher.submit(events));
        }

        List<Integer> accepted = Flux.mergeSequential(requests).collectList().block(Duration.ofSeconds(60));

        assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30 * 40 + sharedSent.size());
        assertThat(store.callsOfferedBetween(at, at.plusSeconds(90)).block(Duration.ofSeconds(10))
                .stream().filter(c -> c.callId().startsWith(run))).hasSize(30 * 40 + sharedSent.size());
    }

    @Test
    void sameEventsAgainThenNoneNew() {
        List<CtiEvent> events = calls(UUID.randomUUID().toString(), 30, Instant.parse("2025-04-02T02:00:00Z"));

        assertThat(batcher.submit(events).block(Duration.ofSeconds(10))).isEqualTo(30);
        assertThat(batcher.submit(events).block(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void requestLargerThanTheQueueThenOverloadedAndNothingStored() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CtiBatcher small = new CtiBatcher(store, 10, meters);
        String run = UUID.randomUUID().toString();
        Instant at = Instant.parse("2025-04-03T02:00:00Z");

        StepVerifier.create(small.submit(calls(run, 11, at)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CtiOverloadedException.class)
                        .satisfies(x -> assertThat(((CtiOverloadedException) x).getStatusCode().value())
                                .isEqualTo(503)))
                .verify(Duration.ofSeconds(10));
        assertThat(store.callsOfferedBetween(at, at.plusSeconds(60)).block(Duration.ofSeconds(10))).isEmpty();
        assertThat(meters.counter("hotline.cti.overloaded").count()).isEqualTo(1);
        assertThat(meters.get("hotline.cti.queued.events").gauge().value()).isZero();
        assertThat(small.submit(calls(run, 10, at)).block(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(meters.counter("hotline.cti.overloaded").count()).isEqualTo(1);
        assertThat(meters.get("hotline.cti.batch.size").summary().totalAmount()).isEqualTo(10);
        assertThat(meters.get("hotline.cti.commit").tag("outcome", "committed").timer().count()).isEqualTo(1);
    }
}
