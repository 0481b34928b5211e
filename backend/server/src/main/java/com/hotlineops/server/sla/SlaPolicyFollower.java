package com.hotlineops.server.sla;

import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

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
        subscription = stream.tail()
                .flatMapMany(stream::follow)
                .filter(e -> e.topic() == Topic.SLA_POLICY)
                .concatMap(e -> policy.reload()
                        .doOnError(ex -> log.warn("SLA policy reload failed: {}", ex.toString()))
                        .onErrorComplete())
                .subscribe(null, e -> log.error("SLA policy follower stopped", e));
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
