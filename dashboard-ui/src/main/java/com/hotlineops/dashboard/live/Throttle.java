package com.hotlineops.dashboard.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Passes on at most one value per interval, always the newest: the first value goes out at once, later ones
 * wait for the end of the interval and replace each other meanwhile. Unlike {@code sample}, a quiet stream
 * adds no delay, and the last value is never lost. Time and timers come from the given scheduler, so tests
 * run it on virtual time.
 */
final class Throttle<T> {

    private final long intervalMillis;
    private final Scheduler scheduler;
    private final Consumer<T> downstream;

    private final Object lock = new Object();
    private T pending;
    private boolean emittedBefore;
    private long lastEmittedAt;
    private Disposable flush;
    private boolean disposed;

    Throttle(Duration interval, Scheduler scheduler, Consumer<T> downstream) {
        this.intervalMillis = interval.toMillis();
        this.scheduler = scheduler;
        this.downstream = downstream;
    }

    void offer(T value) {
        synchronized (lock) {
            if (disposed) {
                return;
            }
            pending = value;
            if (flush != null) {
                return;
            }
            long now = scheduler.now(TimeUnit.MILLISECONDS);
            long wait = emittedBefore ? lastEmittedAt + intervalMillis - now : 0;
            if (wait <= 0) {
                emitPending();
            } else {
                flush = scheduler.schedule(this::flushLater, wait, TimeUnit.MILLISECONDS);
            }
        }
    }

    void dispose() {
        synchronized (lock) {
            disposed = true;
            pending = null;
            if (flush != null) {
                flush.dispose();
            }
        }
    }

    private void flushLater() {
        synchronized (lock) {
            flush = null;
            if (!disposed) {
                emitPending();
            }
        }
    }

    private void emitPending() {
        if (pending == null) {
            return;
        }
        T value = pending;
        pending = null;
        emittedBefore = true;
        lastEmittedAt = scheduler.now(TimeUnit.MILLISECONDS);
        downstream.accept(value);
    }
}
