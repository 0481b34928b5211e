package com.hotlineops.server.support;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A job run on a fixed period while the app runs: one run at a time (a tick that comes during a run is dropped), and
 * a failed run is logged and left to the next tick rather than stopping the job.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration period;
    private volatile Disposable timer;

    protected PeriodicJob(String name, Duration initialDelay, Duration period) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.period = period;
    }

    /** One run; completes when the work is done. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        timer = Flux.interval(initialDelay, period)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
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
