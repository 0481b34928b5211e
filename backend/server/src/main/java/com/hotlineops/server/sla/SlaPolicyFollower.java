package com.hotlineops.server.sla;

import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.sla.SlaPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps this instance's SLA policies equal to the table: an edit made on another instance arrives as an
 * {@code SLA_POLICY} event on the stream, and the policies are read again from PostgreSQL.
 */
@Component
class SlaPolicyFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaPolicyFollower.class);

    private final EventStream stream;
    private final SlaPolicy policy;
    private volatile Disposable subscription;

    SlaPolicyFollower(EventStream stream, SlaPolicy policy) {
        this.stream = stream;
        this.policy = policy;
    }

    @Override
    public void start() {
        // Each (re)connection reads the table after noting the tail: an edit whose entry was lost with a restarted Redis
        // is in the table, and later ones follow the tail (at start, one read more than needed).
        subscription = Flux.defer(() -> stream.tail().flatMapMany(tail -> reload()
                        .thenMany(stream.followUntilError(tail))
                        .filter(e -> e.topic() == Topic.SLA_POLICY)
                        .concatMap(e -> reload())))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> log.warn("SLA policy follower reconnecting: {}", s.failure().toString())))
                .subscribe(null, e -> log.error("SLA policy follower stopped", e));
    }

    private Mono<Void> reload() {
        return policy.reload()
                .doOnError(ex -> log.warn("SLA policy reload failed: {}", ex.toString()))
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
