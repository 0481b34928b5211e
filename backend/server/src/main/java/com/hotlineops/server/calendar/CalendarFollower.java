package com.hotlineops.server.calendar;

import com.hotlineops.core.calendar.CalendarService;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

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
        subscription = stream.tail()
                .flatMapMany(stream::follow)
                .filter(e -> e.topic() == Topic.CALENDAR)
                .concatMap(e -> calendar.reload()
                        .doOnError(ex -> log.warn("Calendar reload failed: {}", ex.toString()))
                        .onErrorComplete())
                .subscribe(null, e -> log.error("Calendar follower stopped", e));
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
