package com.hotlineops.core.events;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Moves outbox rows to the Redis stream (DESIGN.md §3).
 *
 * <p>One instance of the cluster relays: the one holding a session-level advisory lock on its own listening
 * connection; if it dies, its connection closes and another instance takes over. It wakes on
 * {@code NOTIFY hotline_outbox} (sent by a trigger on insert), with a one-second tick as a safety net. Each
 * batch deletes rows in id order and appends them to the stream inside one transaction, which also takes a
 * transaction-level advisory lock so that two relays can never interleave even during a hand-over. If the commit
 * fails after Redis took the entries, the next run sends them again: delivery is at least once and consumers
 * ignore repeats.
 *
 * <p>Meters (decision 0030): {@code hotline.outbox.relayed} counts the entries this instance moved, once their
 * transaction committed; {@code hotline.outbox.relay.leader} is 1 while this instance holds the leader lock, so the
 * cluster's sum says whether anyone relays at all. How far behind the relay is, is measured from the table
 * ({@link Outbox#backlog}), since a stuck relay counts nothing.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LEADER_LOCK = 0x4_071_0ffL;
    private static final long BATCH_LOCK = LEADER_LOCK + 1;
    private static final int BATCH_SIZE = 500;

    private final PostgresqlConnectionConfiguration pgConfiguration;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventStream stream;
    private final Counter relayed;
    private final AtomicInteger leading = new AtomicInteger();
    private volatile Disposable running;

    OutboxRelay(PostgresqlConnectionConfiguration pgConfiguration, DatabaseClient db, TransactionalOperator tx,
            EventStream stream, MeterRegistry meters) {
        this.pgConfiguration = pgConfiguration;
        this.db = db;
        this.tx = tx;
        this.stream = stream;
        this.relayed = Counter.builder("hotline.outbox.relayed")
                .description("Outbox entries this instance moved to the Redis stream (committed batches)")
                .register(meters);
        Gauge.builder("hotline.outbox.relay.leader", leading, AtomicInteger::get)
                .description("1 while this instance holds the outbox relay's leader lock")
                .register(meters);
    }

    @Override
    public void start() {
        running = Flux.usingWhen(stream.connect(), this::leadAndRelay, c -> Mono.fromCompletionStage(c.closeAsync()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Outbox relay restarting: {}", s.failure().toString())))
                .subscribe();
    }

    private Flux<Integer> leadAndRelay(StatefulRedisConnection<String, String> redis) {
        return Flux.usingWhen(new PostgresqlConnectionFactory(pgConfiguration).create(),
                pg -> listen(pg)
                        .then(becomeLeader(pg))
                        .thenMany(Flux.merge(pg.getNotifications().map(n -> 1), Flux.interval(Duration.ofSeconds(1))
                                        .map(t -> 1))
                                .startWith(1)
                                .onBackpressureLatest()
                                .concatMap(wake -> drain(redis), 1)),
                pg -> Mono.fromRunnable(() -> leading.set(0)).then(pg.close()));
    }

    private Mono<Void> listen(PostgresqlConnection pg) {
        return pg.createStatement("LISTEN hotline_outbox").execute().flatMap(r -> r.getRowsUpdated()).then();
    }

    /** Waits until this instance holds the leader lock; the lock lives as long as the connection. */
    private Mono<Void> becomeLeader(PostgresqlConnection pg) {
        return Mono.defer(() -> pg.createStatement("select pg_try_advisory_lock(" + LEADER_LOCK + ")").execute()
                        .flatMap(r -> r.map((row, meta) -> row.get(0, Boolean.class)))
                        .next())
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(Duration.ofSeconds(2)))
                .doOnNext(ok -> {
                    leading.set(1);
                    log.info("This instance now relays the outbox");
                })
                .then();
    }

    /** Relays batches until the outbox is empty; emits the number of rows moved. */
    private Mono<Integer> drain(StatefulRedisConnection<String, String> redis) {
        return relayBatch(redis)
                .expand(n -> n == BATCH_SIZE ? relayBatch(redis) : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> relayBatch(StatefulRedisConnection<String, String> redis) {
        Mono<Integer> batch = db.sql("select pg_advisory_xact_lock(" + BATCH_LOCK + ")").then()
                .then(db.sql("""
                                delete from outbox where id in (select id from outbox order by id limit %d for update)
                                returning id, topic, payload""".formatted(BATCH_SIZE))
                        .map((row, meta) -> new EventStream.OutboxEntry(row.get("id", Long.class),
                                row.get("topic", String.class), row.get("payload", String.class)))
                        .all()
                        .sort(Comparator.comparingLong(EventStream.OutboxEntry::id))
                        .collectList())
                .flatMap(entries -> entries.isEmpty()
                        ? Mono.just(0)
                        : stream.append(redis, entries).thenReturn(entries.size()));
        return tx.transactional(batch).doOnNext(n -> relayed.increment(n));
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
