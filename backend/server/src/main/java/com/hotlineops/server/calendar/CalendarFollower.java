package com.hotlineops.server.calendar;

import com.hotlineops.core.calendar.CalendarService;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
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
 * Keeps this instance's calendar equal to the table: an edit made on another instance arrives as a
 * {@code CALENDAR} event on the stream, and the calendar is read again from PostgreSQL.
 */
@Component
class CalendarFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CalendarFollower.class);

    private final EventStream stream;
    private final CalendarService calendar;
    private volatile Disposable subscription;

    CalendarFollower(EventStream stream, CalendarService calendar) {
        this.stream = stream;
        this.calendar = calendar;
    }

    @Override
    public void start() {
        // Each (re)connection reads the table after noting the tail: an edit whose entry was lost with a restarted Redis
        // is in the table, and later ones follow the tail (at start, one read more than needed).
        subscription = Flux.defer(() -> stream.tail().flatMapMany(tail -> reload()
                        .thenMany(stream.followUntilError(tail))
                        .filter(e -> e.topic() == Topic.CALENDAR)
                        .concatMap(e -> reload())))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> log.warn("Calendar follower reconnecting: {}", s.failure().toString())))
                .subscribe(null, e -> log.error("Calendar follower stopped", e));
    }

    private Mono<Void> reload() {
        return calendar.reload()
                .doOnError(ex -> log.warn("Calendar reload failed: {}", ex.toString()))
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
