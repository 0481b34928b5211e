package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The application-wide live state of the wall (DESIGN.md §3: one subscription per instance, fanned out to its
 * UIs). It keeps the latest frame, when it arrived and whether the stream is up; reconnects on its own with
 * exponential backoff whenever the stream errors or completes (at once, signed in afresh, when the backend ended it
 * because its token expired: decision 0043); and publishes at most one state per
 * {@link #MIN_PUBLISH_INTERVAL}, always the newest. The wall's rate (STYLE.md 10: ≤ 4 updates/s) is set once, by the
 * backend's frame sampling; this only bounds bursts (decision 0034).
 *
 * <p>Time and timers come from the {@code clock} scheduler, so staleness and coalescing run on virtual time in
 * tests.
 *
 * <p>What an operator needs to know of it (decision 0030) it counts without a meter registry of its own: frames
 * received, views attached, and the time since the last frame ({@code dashboard.metrics} turns them into meters).
 */
public class LiveWall {

    /** A wall whose stream has been down this long must say its figures may be old. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(5);

    /**
     * 100 ms: at most ten updates a second reach the views. The backend already sends at most four frames a second,
     * on a fixed 250 ms tick; this only guards the views against bursts (a snapshot and its first update, frames
     * bunched after a pause). It must stay well below that tick: at the same period the two coalescing steps drift
     * against each other and hold each frame back by up to a whole period, about 125 ms on average (decision 0034).
     */
    public static final Duration MIN_PUBLISH_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(LiveWall.class);

    private final WallFrameSource source;
    private final Scheduler clock;
    private final Scheduler fanOut;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    private final Sinks.Many<LiveWallState> published = Sinks.many().replay().latest();
    private final Throttle<LiveWallState> throttle;

    private final Object lock = new Object();
    private final Instant created;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicInteger viewsAttached = new AtomicInteger();
    private LiveWallState state;
    private Disposable staleTimer = Disposables.disposed();
    private Disposable subscription = Disposables.disposed();
    private boolean stopped;

    /**
     * @param source       opens one connection to the frame stream per subscription
     * @param clock        time and timers (staleness, coalescing, backoff)
     * @param fanOut       where views receive their updates, so a slow UI never holds up the stream
     * @param firstBackoff delay before the first reconnection; doubles up to {@code maxBackoff}, and starts over
     *                     once a connection delivered a frame
     */
    LiveWall(WallFrameSource source, Scheduler clock, Scheduler fanOut, Duration firstBackoff, Duration maxBackoff) {
        this.source = source;
        this.clock = clock;
        this.fanOut = fanOut;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.throttle = new Throttle<>(MIN_PUBLISH_INTERVAL, clock, this::emit);
        this.created = now();
        this.state = LiveWallState.waiting(created);
        throttle.offer(state);
    }

    /** Opens the stream; from now on the state follows the backend until {@link #stop()}, which is final. */
    public void start() {
        synchronized (lock) {
            if (stopped || !subscription.isDisposed()) {
                return;
            }
            subscription = Flux.defer(source::frames)
                    .concatWith(Flux.error(() -> new BackendStreams.StreamEndedException("wall")))
                    .doOnNext(this::onFrame)
                    .doOnError(this::onLost)
                    .retryWhen(BackendStreams.reconnect(firstBackoff, maxBackoff, clock))
                    .subscribe(frame -> { }, error -> log.error("Wall stream stopped for good", error));
        }
    }

    /** Closes the stream for good and completes every view's subscription. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            subscription.dispose();
            staleTimer.dispose();
            throttle.dispose();
            published.tryEmitComplete();
        }
    }

    /** Whether the stream is open (or reconnecting). */
    public boolean isRunning() {
        synchronized (lock) {
            return !subscription.isDisposed();
        }
    }

    /**
     * The live state: the current one at once, then every published change. Each subscriber gets its updates on
     * the fan-out scheduler and skips to the newest when it falls behind.
     */
    public Flux<LiveWallState> states() {
        return published.asFlux().onBackpressureLatest().publishOn(fanOut, 1)
                .doOnSubscribe(s -> viewsAttached.incrementAndGet())
                .doFinally(signal -> viewsAttached.decrementAndGet());
    }

    /** Frames received from the backend since this instance started. */
    public long framesReceived() {
        return framesReceived.get();
    }

    /** Subscribers of {@link #states()} now: the wall views attached to this instance. */
    public int viewsAttached() {
        return viewsAttached.get();
    }

    /** Time since the last frame arrived, or since this instance started while none has. */
    public Duration sinceLastFrame() {
        Instant last;
        synchronized (lock) {
            last = state.receivedAt() != null ? state.receivedAt() : created;
        }
        return Duration.between(last, now());
    }

    /** The newest state, including changes not yet published because of coalescing. */
    public LiveWallState current() {
        synchronized (lock) {
            return state;
        }
    }

    private void onFrame(WallFrame frame) {
        framesReceived.incrementAndGet();
        synchronized (lock) {
            if (state.link() == LiveWallState.Link.DOWN) {
                log.info("Wall stream live ({} frame {})", frame.kind(), frame.seq());
            }
            staleTimer.dispose();
            change(state.received(frame, now()));
        }
    }

    private void onLost(Throwable error) {
        synchronized (lock) {
            if (state.link() == LiveWallState.Link.LIVE) {
                if (TokenExpired.is(error)) {
                    // decision 0043: planned every token lifetime, and renewed at once; the stale banner waits 5 s
                    log.info("Wall stream's token expired, signing in again");
                } else {
                    log.warn("Wall stream lost, reconnecting: {}", error.toString());
                }
                change(state.lost(now()));
                staleTimer = clock.schedule(this::markStaleIfStillDown, STALE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                log.debug("Wall stream still down: {}", error.toString());
            }
        }
    }

    private void markStaleIfStillDown() {
        synchronized (lock) {
            if (state.link() == LiveWallState.Link.DOWN && !state.stale()) {
                change(state.markedStale());
            }
        }
    }

    private void change(LiveWallState next) {
        state = next;
        throttle.offer(next);
    }

    private void emit(LiveWallState next) {
        Sinks.EmitResult result = published.tryEmitNext(next);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_TERMINATED) {
            log.warn("Could not publish wall state: {}", result);
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
    }
}
