package com.hotlineops.server.desk;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.contract.ticket.DeskTicketChange;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.StreamEvent;
import com.hotlineops.core.events.Topic;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desks' queues as signals for consoles (RSocket {@code desk.changes.<DESK>}, decision 0044): {@code OPENED}, then
 * each ticket that entered, left or changed within the desk's queue ({@link DeskQueues#concerns}) — its id, state and
 * version, no citizen data. The console reads its queue page again over HTTP, with its user's own token.
 *
 * <p>This instance follows the event stream once: each {@code TICKET} entry is one committed change, offered to every
 * subscriber, who keeps those of its desk. A subscriber starts listening before it is sent {@code OPENED}, so a console
 * that reads its queue on {@code OPENED} misses nothing after that. A subscriber that falls {@link #SUBSCRIBER_BUFFER}
 * changes behind, or that may have missed changes while Redis was away, gets an error instead of silently missing
 * changes, and may subscribe again (and read its queue again on the new {@code OPENED}).
 */
@Component
class DeskChangeStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeskChangeStream.class);
    static final int SUBSCRIBER_BUFFER = 4096;

    private final EventStream stream;
    private final JsonMapper json;
    private final Sinks.Many<TicketChanged> changes = Sinks.many().multicast().directBestEffort();
    /** Signals that changes may have been missed: subscribers end, to start again with a fresh read. */
    private final Sinks.Many<Boolean> interrupted = Sinks.many().multicast().directBestEffort();
    private volatile Disposable following;

    DeskChangeStream(EventStream stream, JsonMapper json) {
        this.stream = stream;
        this.json = json;
    }

    /**
     * Follows the event stream; when reading it fails, every subscriber is ended with an error (changes may have been
     * lost with Redis) and this instance follows again from the new tail.
     */
    @Override
    public void start() {
        following = Flux.defer(() -> stream.tail().flatMapMany(stream::followUntilError))
                .filter(e -> e.topic() == Topic.TICKET)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> {
                            log.warn("Desk change stream reconnecting: {}", s.failure().toString());
                            interrupted.tryEmitNext(Boolean.TRUE);
                        }))
                .subscribe(this::publish, e -> log.error("Desk change stream stopped", e));
    }

    private synchronized void publish(StreamEvent event) {
        TicketChanged change;
        try {
            change = json.readValue(event.payload(), TicketChanged.class);
        } catch (RuntimeException unreadable) {
            log.warn("Ticket change of stream entry {} not read: {}", event.id(), unreadable.toString());
            interrupted.tryEmitNext(Boolean.TRUE);
            return;
        }
        Sinks.EmitResult r = changes.tryEmitNext(change);
        if (r.isFailure() && r != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Change of ticket {} not offered to desk subscribers: {}", change.ticketId(), r);
        }
    }

    /** The stream of one desk for one subscriber, whose right to it the caller has checked. */
    Flux<DeskStreamItem> open(Desk desk) {
        return Flux.defer(() -> {
            Sinks.Many<TicketChanged> mine = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<TicketChanged>get(SUBSCRIBER_BUFFER).get());
            Disposable listening = changes.asFlux().filter(c -> DeskQueues.concerns(desk, c)).subscribe(c -> {
                if (mine.tryEmitNext(c).isFailure()) {
                    mine.tryEmitError(new IllegalStateException("Too far behind the " + desk
                            + " desk's changes; subscribe again and read the queue afresh"));
                }
            });
            Disposable watching = interrupted.asFlux().subscribe(x -> mine.tryEmitError(new IllegalStateException(
                    "The " + desk + " desk's changes were interrupted; subscribe again and read the queue afresh")));
            return Flux.just(DeskStreamItem.opened())
                    .concatWith(mine.asFlux().map(c -> DeskStreamItem.changed(
                            new DeskTicketChange(c.ticketId(), c.to(), c.version()))))
                    .doFinally(s -> {
                        listening.dispose();
                        watching.dispose();
                    });
        });
    }

    @Override
    public void stop() {
        Disposable d = following;
        if (d != null) {
            d.dispose();
        }
        following = null;
    }

    @Override
    public boolean isRunning() {
        return following != null;
    }
}
