package com.hotlineops.core.events;

import com.hotlineops.core.config.HotlineProperties;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The Redis Stream that carries relayed outbox entries to every instance. Readers use their own connection
 * (a blocking {@code XREAD} would stall a shared one) and resume from the last id they saw after any error.
 */
@Component
public class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    /** Enough for days of traffic; older entries are trimmed and a reader that far behind resyncs from PostgreSQL. */
    static final long MAX_LENGTH = 1_000_000;
    static final String START = "0-0";

    private final RedisClient client;
    private final RedisURI uri;
    private final String key;

    EventStream(RedisClient client, HotlineProperties properties) {
        this.client = client;
        this.uri = RedisURI.create(properties.redis().url());
        this.key = properties.redis().key("events");
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
            return Flux.usingWhen(connect(),
                            c -> Flux.defer(() -> c.reactive()
                                            .xread(XReadArgs.Builder.block(Duration.ofSeconds(1)).count(500),
                                                    XReadArgs.StreamOffset.from(key, last.get())))
                                    .repeat()
                                    .map(EventStream::toEvent)
                                    .doOnNext(e -> last.set(e.id())),
                            c -> Mono.fromCompletionStage(c.closeAsync()))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                            .maxBackoff(Duration.ofSeconds(3))
                            .doBeforeRetry(s -> log.warn("Event stream read failed, retrying: {}",
                                    s.failure().toString())));
        });
    }

    /** Appends entries in the given order on one connection (pipelined), completing when Redis has them all. */
    Mono<Void> append(StatefulRedisConnection<String, String> connection, List<OutboxEntry> entries) {
        XAddArgs args = XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming();
        return Flux.fromIterable(entries)
                .flatMapSequential(e -> connection.reactive().xadd(key, args, Map.of(
                        "oid", Long.toString(e.id()), "topic", e.topic(), "payload", e.payload())), 256)
                .then();
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
