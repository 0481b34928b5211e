package com.hotlineops.server.support;

import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps an in-memory copy of a table equal to the table: an edit made on another instance arrives as an event of
 * {@code topic} on the stream, and the copy is read again from PostgreSQL. Each (re)connection reads the table after
 * noting the tail, so an edit whose entry was lost with a restarted Redis is in the table, and later ones follow the
 * tail (at start, one read more than needed).
 */
public abstract class TableFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TableFollower.class);

    private final String name;
    private final EventStream stream;
    private final Topic topic;
    private final Supplier<Mono<Void>> reload;
    private volatile Disposable subscription;

    protected TableFollower(String name, EventStream stream, Topic topic, Supplier<Mono<Void>> reload) {
        this.name = name;
        this.stream = stream;
        this.topic = topic;
        this.reload = reload;
    }

    @Override
    public void start() {
        subscription = Flux.defer(() -> stream.tail().flatMapMany(tail -> reload()
                        .thenMany(stream.followUntilError(tail))
                        .filter(e -> e.topic() == topic)
                        .concatMap(e -> reload())))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> log.warn("{} follower reconnecting: {}", name, s.failure().toString())))
                .subscribe(null, e -> log.error("{} follower stopped", name, e));
    }

    private Mono<Void> reload() {
        return reload.get()
                .doOnError(ex -> log.warn("{} reload failed: {}", name, ex.toString()))
                .onErrorComplete();
    }

    @Override
    public void stop() {
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
