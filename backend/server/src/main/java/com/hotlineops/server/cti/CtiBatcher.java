package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.core.call.CallEventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Group commit for CTI requests (DESIGN.md §3, docs/decisions/0011): concurrent requests share one transaction of
 * multi-row INSERTs, and each request is answered when the transaction that holds its events has committed.
 *
 * <p>No timer: when the writer is idle a request is written at once; requests that arrive while a commit is in flight
 * queue up and are all written by the next one, at most {@link #MAX_BATCH} rows, so a request waits for about one
 * commit besides its own (docs/benchmarks.md has what a commit costs). The queue is bounded in events; a
 * request that would overflow it fails at once with {@link CtiOverloadedException} (503) and changes nothing. One
 * transaction at a time: letting the next one start while the previous commits gained nothing measurable
 * (docs/decisions/0029).
 *
 * <p>Meters: {@code hotline.cti.batch.size} (events per transaction), {@code hotline.cti.commit} (a batch's time from
 * the start of its transaction to its commit, by outcome), {@code hotline.cti.queued.events} (events accepted for
 * writing and not yet committed, what the bound applies to) and {@code hotline.cti.overloaded} (requests refused with
 * 503).
 */
@Component
class CtiBatcher {

    private static final Logger log = LoggerFactory.getLogger(CtiBatcher.class);
    static final int MAX_BATCH = 5_000;

    private final CallEventStore store;
    private final int capacity;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong batches = new AtomicLong();

    private final DistributionSummary batchSize;
    private final Timer committed;
    private final Timer failed;
    private final Counter overloaded;

    CtiBatcher(CallEventStore store, @Value("${hotline.cti.max-queued-events:200000}") int capacity,
            MeterRegistry meters) {
        this.store = store;
        this.capacity = capacity;
        this.batchSize = DistributionSummary.builder("hotline.cti.batch.size")
                .description("CTI events per group-commit transaction")
                .baseUnit("events")
                .serviceLevelObjectives(1, 10, 100, 500, 1_000, 2_500, MAX_BATCH)
                .register(meters);
        this.committed = commitTimer(meters, "committed");
        this.failed = commitTimer(meters, "failed");
        this.overloaded = Counter.builder("hotline.cti.overloaded")
                .description("CTI requests refused because the write queue was full (503)")
                .register(meters);
        Gauge.builder("hotline.cti.queued.events", queued, AtomicInteger::get)
                .description("CTI events accepted for writing and not yet committed (bounded by"
                        + " hotline.cti.max-queued-events)")
                .register(meters);
    }

    private static Timer commitTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("hotline.cti.commit")
                .description("Time from the start of a CTI batch's transaction to its commit, by outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofMillis(2_500))
                .register(meters);
    }

    /**
     * Stores the events (already validated) with those of concurrent requests; emits how many of them were new, the
     * rest being repeats of an {@code eventId} stored before or sent twice.
     */
    Mono<Integer> submit(List<CtiEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0);
        }
        return Mono.create(sink -> {
            int n = events.size();
            if (queued.addAndGet(n) > capacity) {
                queued.addAndGet(-n);
                overloaded.increment();
                sink.error(new CtiOverloadedException(capacity));
                return;
            }
            queue.add(new Pending(events, sink));
            drain();
        });
    }

    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            List<Pending> batch = new ArrayList<>();
            int rows = 0;
            Pending next;
            while ((next = queue.peek()) != null && (batch.isEmpty() || rows + next.events().size() <= MAX_BATCH)) {
                queue.poll();
                batch.add(next);
                rows += next.events().size();
            }
            if (batch.isEmpty()) {
                writing.set(false);
                continue;
            }
            int taken = rows;
            batches.incrementAndGet();
            batchSize.record(rows);
            List<CtiEvent> all = new ArrayList<>(rows);
            batch.forEach(p -> all.addAll(p.events()));
            long start = System.nanoTime();
            store.store(all).subscribe(fresh -> {
                committed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                answer(batch, fresh);
            }, error -> {
                failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                log.warn("A CTI batch of {} requests ({} events) was not stored: {}", batch.size(), taken,
                        error.toString());
                batch.forEach(p -> p.sink().error(error));
                done(taken);
            }, () -> done(taken));
        }
    }

    /** Each new event is credited to the first request of the batch that carried it. */
    private static void answer(List<Pending> batch, List<CtiEvent> fresh) {
        Set<String> unclaimed = new HashSet<>();
        fresh.forEach(e -> unclaimed.add(e.eventId()));
        for (Pending p : batch) {
            Set<String> own = new LinkedHashSet<>();
            p.events().forEach(e -> own.add(e.eventId()));
            int accepted = 0;
            for (String id : own) {
                if (unclaimed.remove(id)) {
                    accepted++;
                }
            }
            p.sink().success(accepted);
        }
    }

    private void done(int rows) {
        queued.addAndGet(-rows);
        writing.set(false);
        drain();
    }

    /** Transactions started so far; with concurrent requests fewer than the requests. */
    long batchesWritten() {
        return batches.get();
    }

    private record Pending(List<CtiEvent> events, MonoSink<Integer> sink) {
    }
}
