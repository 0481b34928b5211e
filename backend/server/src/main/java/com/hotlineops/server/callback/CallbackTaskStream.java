package com.hotlineops.server.callback;

import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskChanged;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.StreamEvent;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.security.Actor;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callback queue as a push stream for consoles (RSocket {@code callbacks.tasks}): a snapshot of the open tasks,
 * then every change as the task now is.
 *
 * <p>This instance follows the event stream once: each {@code CALLBACK} entry names the changed tasks, which are read
 * from PostgreSQL in one query and offered to every subscriber. A subscriber starts listening before its snapshot is
 * read, then drops any change not newer (by the task's {@code version}) than what it already sent, so nothing falls
 * between snapshot and changes and no task goes back in time. Numbers are masked per subscriber: the full number only
 * for the task's claimant, who has to dial it, as in the HTTP answers. A subscriber that falls
 * {@link #SUBSCRIBER_BUFFER} changes behind, or that may have missed changes while Redis was away, gets an error
 * instead of silently missing changes, and may resubscribe for a fresh snapshot.
 */
@Component
class CallbackTaskStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackTaskStream.class);
    static final int SNAPSHOT_LIMIT = 1000;
    static final int SUBSCRIBER_BUFFER = 4096;

    private final EventStream stream;
    private final CallbackQueue callbacks;
    private final JsonMapper json;
    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();
    /** Signals that changes may have been missed: subscribers end, to start again from a snapshot. */
    private final Sinks.Many<Boolean> interrupted = Sinks.many().multicast().directBestEffort();
    private volatile Disposable following;

    CallbackTaskStream(EventStream stream, CallbackQueue callbacks, JsonMapper json) {
        this.stream = stream;
        this.callbacks = callbacks;
        this.json = json;
    }

    /** One change as read from PostgreSQL, number unmasked: never sent as is. */
    private record Change(CallbackChange kind, CallbackTaskView task) {
    }

    /**
     * Follows the event stream; when reading it fails, every subscriber is ended with an error (changes may have been
     * lost with Redis: they resubscribe for a fresh snapshot) and this instance follows again from the new tail.
     */
    @Override
    public void start() {
        following = Flux.defer(() -> stream.tail().flatMapMany(stream::followUntilError))
                .filter(e -> e.topic() == Topic.CALLBACK)
                .concatMap(e -> read(e)
                        .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
                        .doOnError(ex -> {
                            log.warn("Callback changes of stream entry {} not read: {}", e.id(), ex.toString());
                            interrupted.tryEmitNext(Boolean.TRUE);
                        })
                        .onErrorComplete())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> {
                            log.warn("Callback task stream reconnecting: {}", s.failure().toString());
                            interrupted.tryEmitNext(Boolean.TRUE);
                        }))
                .subscribe(this::publish, e -> log.error("Callback task stream stopped", e));
    }

    private Flux<Change> read(StreamEvent event) {
        CallbackTaskChanged[] changed = json.readValue(event.payload(), CallbackTaskChanged[].class);
        // Several changes of one task in one transaction: the last one says what it became.
        Map<String, CallbackChange> last = new LinkedHashMap<>();
        Arrays.stream(changed).forEach(c -> last.put(c.taskId(), c.change()));
        return callbacks.withNumbers(last.keySet().stream().map(UUID::fromString).toList())
                .flatMapMany(tasks -> Flux.fromIterable(tasks)
                        .map(t -> new Change(last.get(t.id()), t)));
    }

    private synchronized void publish(Change change) {
        Sinks.EmitResult r = changes.tryEmitNext(change);
        if (r.isFailure() && r != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Callback change of task {} not offered to subscribers: {}", change.task().id(), r);
        }
    }

    /** The stream for one subscriber: the snapshot, then the changes, masked for {@code actor}. */
    Flux<CallbackStreamItem> open(Actor actor) {
        return Flux.defer(() -> {
            Sinks.Many<Change> mine = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<Change>get(SUBSCRIBER_BUFFER).get());
            Disposable listening = changes.asFlux().subscribe(c -> {
                if (mine.tryEmitNext(c).isFailure()) {
                    mine.tryEmitError(new IllegalStateException("Too far behind the callback queue's changes;"
                            + " subscribe again for a fresh snapshot"));
                }
            });
            Disposable watching = interrupted.asFlux().subscribe(x -> mine.tryEmitError(new IllegalStateException(
                    "The callback queue's changes were interrupted; subscribe again for a fresh snapshot")));
            Map<String, Long> sent = new HashMap<>();
            Mono<CallbackStreamItem> snapshot = callbacks.openWithNumbers(SNAPSHOT_LIMIT).collectList()
                    .map(tasks -> {
                        tasks.forEach(t -> sent.put(t.id(), t.version()));
                        return new CallbackStreamItem(CallbackChange.SNAPSHOT,
                                tasks.stream().map(t -> forSubscriber(t, actor)).toList());
                    });
            Flux<CallbackStreamItem> live = mine.asFlux()
                    .filter(c -> {
                        Long known = sent.get(c.task().id());
                        if (known != null && known >= c.task().version()) {
                            return false;
                        }
                        sent.put(c.task().id(), c.task().version());
                        return true;
                    })
                    .map(c -> new CallbackStreamItem(c.kind(), List.of(forSubscriber(c.task(), actor))));
            return snapshot.concatWith(live).doFinally(s -> {
                listening.dispose();
                watching.dispose();
            });
        });
    }

    /** The full number only for the claimant; everybody else sees the masked one (DESIGN.md §3). */
    static CallbackTaskView forSubscriber(CallbackTaskView t, Actor actor) {
        boolean claimant = t.claimedBy() != null && Objects.equals(t.claimedBy(), actor.username());
        return claimant ? t : new CallbackTaskView(t.id(), t.callerNumberMasked(), null, t.queue(),
                t.firstAbandonedAt(), t.lastAbandonedAt(), t.dueAt(), t.overdue(), t.status(), t.mergedCalls(),
                t.attempts(), t.claimedBy(), t.closedAt(), t.version());
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
