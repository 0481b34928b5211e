package com.hotlineops.server.support;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A job run on a fixed period while the app runs: one run at a time (a tick that comes during a run is dropped), and
 * a failed run is logged and left to the next tick rather than stopping the job. How each run ended goes to a
 * {@link RunListener} (the metrics' one, decision 0030), so a job that silently stopped succeeding can be seen.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration period;
    private volatile RunListener listener = RunListener.NONE;
    private volatile Disposable timer;

    protected PeriodicJob(String name, Duration initialDelay, Duration period) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.period = period;
    }

    /** One run; completes when the work is done. */
    protected abstract Mono<?> runOnce();

    /** Told how each run ended. */
    @FunctionalInterface
    public interface RunListener {

        RunListener NONE = succeeded -> { };

        void ran(boolean succeeded);
    }

    /** From now on every run's outcome goes to {@code listener} (one listener: this replaces the previous one). */
    public final void reportRunsTo(RunListener listener) {
        this.listener = listener;
    }

    /** A short, stable name for meters: the class name in kebab case ({@code SlaSweeper} → {@code sla-sweeper}). */
    public final String key() {
        String simple = getClass().getSimpleName();
        return (simple.isEmpty() ? "periodic-job" : simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2"))
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public void start() {
        timer = Flux.interval(initialDelay, period)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce()
                        .doOnSuccess(x -> listener.ran(true))
                        .onErrorResume(e -> {
                            listener.ran(false);
                            log.warn("{} failed, the next run retries: {}", name, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable t = timer;
        if (t != null) {
            t.dispose();
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
