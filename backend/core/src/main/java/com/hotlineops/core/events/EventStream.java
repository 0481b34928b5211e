package com.hotlineops.core.events;

import com.hotlineops.core.config.HotlineProperties;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The Redis Stream that carries relayed outbox entries to every instance. Readers use their own connection
 * (a blocking {@code XREAD} would stall a shared one) and resume from the last id they saw after any error.
 *
 * <p>Each outbox row is appended at most once: the append is one Lua script that skips rows whose outbox id it has
 * appended before (a sorted set of the last {@link #RELAYED_WINDOW} ids beside the stream), so a relay that dies, or
 * whose commit fails, after Redis took a batch does not double it when the batch is sent again
 * (docs/decisions/0001, amendment of 2026-11-26).
 *
 * <p>Meters (decision 0030): {@code hotline.stream.entries.read} counts the entries this instance's followers read
 * (each follower counts its own), {@code hotline.stream.follow.errors} the reads that ended in a Redis failure.
 */
@Component
public class EventStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    /** Enough for days of traffic; older entries are trimmed and a reader that far behind resyncs from PostgreSQL. */
    static final long MAX_LENGTH = 1_000_000;
    static final String START = "0-0";
    /**
     * Outbox ids remembered as appended. A batch is sent again only right after its failed attempt (the rows stay the
     * oldest in the outbox), well within this many rows.
     */
    static final int RELAYED_WINDOW = 100_000;
    /** KEYS: stream, relayed ids. ARGV: max length, window, then (oid, topic, payload) per entry. */
    private static final String APPEND_ONCE = """
            local appended = 0
            for i = 3, #ARGV, 3 do
              if redis.call('ZSCORE', KEYS[2], ARGV[i]) == false then
                redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
                           'oid', ARGV[i], 'topic', ARGV[i + 1], 'payload', ARGV[i + 2])
                redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i])
                appended = appended + 1
              end
            end
            redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[2]) - 1)
            return appended
            """;
    static final int PAGE = 500;

    private final RedisClient client;
    private final RedisURI uri;
    private final String key;
    private final String relayedKey;
    /**
     * One connection for the non-blocking reads, opened on first use. A failed connect is retried next time, and a
     * connection Redis has dropped (connections do not reconnect by themselves here: {@code CoreConfiguration}) is
     * closed and replaced by the next read.
     */
    private final Mono<StatefulRedisConnection<String, String>> shared;
    private volatile StatefulRedisConnection<String, String> sharedOpened;
    private final Counter entriesRead;
    private final Counter followErrors;

    EventStream(RedisClient client, HotlineProperties properties, MeterRegistry meters) {
        this.client = client;
        this.entriesRead = Counter.builder("hotline.stream.entries.read")
                .description("Event stream entries read by the followers of this instance")
                .register(meters);
        this.followErrors = Counter.builder("hotline.stream.follow.errors")
                .description("Event stream reads that failed (Redis down or restarted); the reader reconnects")
                .register(meters);
        this.uri = RedisURI.create(properties.redis().url());
        this.key = properties.redis().key("events");
        this.relayedKey = properties.redis().key("events:relayed");
        this.shared = connect().doOnNext(c -> sharedOpened = c).cacheInvalidateIf(c -> {
            if (c.isOpen()) {
                return false;
            }
            c.closeAsync();
            return true;
        });
    }

    /** The id of the newest entry, or {@code 0-0} when the stream is empty; read it before a rebuild from PostgreSQL. */
    public Mono<String> tail() {
        return Mono.usingWhen(connect(),
                c -> c.reactive().xrevrange(key, Range.create("-", "+"), Limit.from(1)).next()
                        .map(StreamMessage::getId)
                        .defaultIfEmpty(START),
                c -> Mono.fromCompletionStage(c.closeAsync()));
    }

    /**
     * Every entry after {@code afterId}, then live entries as they come, forever. On a Redis failure it reconnects
     * with backoff and resumes after the last entry delivered, so nothing is skipped or repeated.
     */
    public Flux<StreamEvent> follow(String afterId) {
        return Flux.defer(() -> {
            AtomicReference<String> last = new AtomicReference<>(afterId);
            return Flux.defer(() -> followUntilError(last.get()))
                    .doOnNext(e -> last.set(e.id()))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                            .maxBackoff(Duration.ofSeconds(3))
                            .doBeforeRetry(s -> log.warn("Event stream read failed, retrying: {}",
                                    s.failure().toString())));
        });
    }

    /**
     * Every entry after {@code afterId}, then live entries, until Redis fails. For a reader that must not assume the
     * stream kept everything across the failure (a Redis restarted without its data): it resynchronises from
     * PostgreSQL, then follows again from the new tail.
     */
    public Flux<StreamEvent> followUntilError(String afterId) {
        return Flux.defer(() -> {
            AtomicReference<String> last = new AtomicReference<>(afterId);
            return Flux.usingWhen(connect(),
                    c -> Flux.defer(() -> c.reactive()
                                    .xread(XReadArgs.Builder.block(Duration.ofSeconds(1)).count(500),
                                            XReadArgs.StreamOffset.from(key, last.get())))
                            .repeat()
                            .map(EventStream::toEvent)
                            .doOnNext(e -> {
                                last.set(e.id());
                                entriesRead.increment();
                            }),
                    c -> Mono.fromCompletionStage(c.closeAsync()))
                    .doOnError(e -> followErrors.increment());
        });
    }

    /**
     * Appends entries in the given order, each outbox row at most once ({@link #APPEND_ONCE}), completing when Redis
     * has them all; emits how many were new.
     */
    Mono<Long> append(StatefulRedisConnection<String, String> connection, List<OutboxEntry> entries) {
        String[] args = new String[2 + 3 * entries.size()];
        args[0] = Long.toString(MAX_LENGTH);
        args[1] = Integer.toString(RELAYED_WINDOW);
        int i = 2;
        for (OutboxEntry e : entries) {
            args[i++] = Long.toString(e.id());
            args[i++] = e.topic();
            args[i++] = e.payload();
        }
        return connection.reactive()
                .<Long>eval(APPEND_ONCE, ScriptOutputType.INTEGER, new String[] {key, relayedKey}, args)
                .next();
    }

    /**
     * The entries after {@code afterId} up to and including {@code toId}, read once by {@code XRANGE} in pages of
     * {@value #PAGE} on one connection shared by all such reads (they do not block, unlike {@link #follow}). For a
     * reader that joins live entries at {@code toId} and needs what came before.
     */
    public Flux<StreamEvent> range(String afterId, String toId) {
        return shared.flatMapMany(c -> page(c, afterId, toId));
    }

    private Flux<StreamEvent> page(StatefulRedisConnection<String, String> c, String afterId, String toId) {
        return c.reactive()
                .xrange(key, Range.from(Range.Boundary.excluding(afterId), Range.Boundary.including(toId)),
                        Limit.from(PAGE))
                .map(EventStream::toEvent)
                .collectList()
                .flatMapMany(page -> page.size() < PAGE ? Flux.fromIterable(page)
                        : Flux.fromIterable(page).concatWith(Flux.defer(() -> page(c, page.getLast().id(), toId))));
    }

    /**
     * An id up to which entries may have been removed from the stream (trimmed to {@link #MAX_LENGTH}, or deleted),
     * such that every entry after it is still there; {@code 0-0} when none were removed. A reader whose last id is
     * older has lost entries for good and must rebuild from PostgreSQL. Trimming removes the oldest entries and Redis
     * does not record the last one it trimmed, so this is the id just before the oldest entry left (or the last id
     * ever added, if none is left): on the safe side by at most the entries between a reader and that oldest one.
     */
    public Mono<String> removedUpTo() {
        return shared.flatMap(c -> c.reactive().xinfoStream(key).collectList())
                .map(EventStream::removedUpTo)
                .onErrorResume(e -> e.getMessage() != null && e.getMessage().contains("no such key"),
                        e -> Mono.just(START));
    }

    static String removedUpTo(List<Object> info) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < info.size(); i += 2) {
            fields.put(String.valueOf(info.get(i)), info.get(i + 1));
        }
        long length = ((Number) fields.getOrDefault("length", 0L)).longValue();
        String deleted = fields.get("max-deleted-entry-id") instanceof String id ? id : START;
        // Redis 7 counts every entry ever added: as many as are left means none was removed but by XDEL.
        if (fields.get("entries-added") instanceof Number added && added.longValue() == length) {
            return deleted;
        }
        if (fields.get("first-entry") instanceof List<?> first && !first.isEmpty()) {
            String beforeFirst = before(String.valueOf(first.getFirst()));
            return compare(beforeFirst, deleted) >= 0 ? beforeFirst : deleted;
        }
        return fields.get("last-generated-id") instanceof String last ? last : START;
    }

    private static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a, 0, dashA, 10),
                Long.parseUnsignedLong(b, 0, dashB, 10));
        return byTime != 0 ? byTime : Long.compareUnsigned(Long.parseUnsignedLong(a, dashA + 1, a.length(), 10),
                Long.parseUnsignedLong(b, dashB + 1, b.length(), 10));
    }

    /** The greatest id smaller than {@code id} ({@code 0-0} for the smallest ones). */
    static String before(String id) {
        int dash = id.indexOf('-');
        long millis = Long.parseUnsignedLong(id, 0, dash, 10);
        long seq = Long.parseUnsignedLong(id, dash + 1, id.length(), 10);
        if (seq != 0) {
            return millis + "-" + Long.toUnsignedString(seq - 1);
        }
        return millis == 0 ? START : (millis - 1) + "-" + Long.toUnsignedString(-1L);
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, String> c = sharedOpened;
        if (c != null) {
            c.close();
        }
    }

    Mono<StatefulRedisConnection<String, String>> connect() {
        return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, uri));
    }

    private static StreamEvent toEvent(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        return new StreamEvent(message.getId(), Long.parseLong(body.get("oid")), Topic.valueOf(body.get("topic")),
                body.get("payload"));
    }

    /** An outbox row on its way to the stream. */
    record OutboxEntry(long id, String topic, String payload) {
    }
}
