package com.hotlineops.server.metrics;

import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.OutboxBacklog;
import com.hotlineops.core.partner.StatusCallbackQueue;
import com.hotlineops.server.support.PeriodicJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The backlogs only PostgreSQL knows, read every {@code hotline.metrics.sample-interval} (default 5 s) rather than on
 * every scrape, so that any number of Prometheus servers (or a curious administrator) costs the database nothing:
 * <ul>
 *   <li>{@code hotline.outbox.pending} and {@code hotline.outbox.oldest.age}: what the outbox relay has not yet moved
 *       to the stream and how old the oldest of it is (DESIGN.md §3; a growing age means events are not reaching the
 *       walls and phones);</li>
 *   <li>{@code hotline.webhook.pending} per partner: status callbacks waiting for delivery (decision 0016);</li>
 *   <li>{@code hotline.callback.tasks.open} and {@code hotline.callback.tasks.overdue}: callback tasks waiting for a
 *       call back, and those of them past their due time (DESIGN.md §2.4, the figures the wall shows).</li>
 * </ul>
 * Every backend instance samples the same tables, so the figures are the cluster's (take the max across instances).
 * When a sample fails, its figures are withdrawn (NaN, no partner rows) rather than left at their last value; the
 * sampler's own {@code hotline.task.last.success.age} then grows.
 */
@Component
class BacklogSampler extends PeriodicJob {

    /** Counting a backlog beyond this costs more than knowing it is at least this large is worth. */
    static final int COUNT_UP_TO = 1_000_000;

    private final Outbox outbox;
    private final StatusCallbackQueue callbacks;
    private final CallbackQueue callbackTasks;
    private final MultiGauge webhookPending;
    private volatile double outboxPending = Double.NaN;
    private volatile double outboxOldest = Double.NaN;
    private volatile double tasksOpen = Double.NaN;
    private volatile double tasksOverdue = Double.NaN;

    BacklogSampler(Outbox outbox, StatusCallbackQueue callbacks, CallbackQueue callbackTasks, MeterRegistry meters,
            @Value("${hotline.metrics.sample-interval:5s}") Duration interval) {
        super("Backlog sampling for the metrics", Duration.ZERO, interval);
        this.outbox = outbox;
        this.callbacks = callbacks;
        this.callbackTasks = callbackTasks;
        Gauge.builder("hotline.outbox.pending", this, s -> s.outboxPending)
                .description("Outbox entries not yet relayed to the event stream (counted up to 1,000,000)")
                .register(meters);
        Gauge.builder("hotline.outbox.oldest.age", this, s -> s.outboxOldest)
                .description("Age of the oldest outbox entry not yet relayed (0 when none waits)")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("hotline.callback.tasks.open", this, s -> s.tasksOpen)
                .description("Callback tasks (missed calls to call back) open")
                .register(meters);
        Gauge.builder("hotline.callback.tasks.overdue", this, s -> s.tasksOverdue)
                .description("Open callback tasks past their due time (30 minutes after the abandon)")
                .register(meters);
        this.webhookPending = MultiGauge.builder("hotline.webhook.pending")
                .description("Partner status callbacks waiting for delivery, due now or at a later retry")
                .register(meters);
    }

    @Override
    protected Mono<?> runOnce() {
        Mono<OutboxBacklog> backlog = outbox.backlog(COUNT_UP_TO)
                .doOnNext(b -> {
                    outboxPending = b.pending();
                    outboxOldest = b.oldestSeconds();
                })
                .doOnError(e -> {
                    outboxPending = Double.NaN;
                    outboxOldest = Double.NaN;
                });
        Mono<Map<String, Long>> pending = callbacks.pendingByPartner()
                .doOnNext(byPartner -> webhookPending.register(byPartner.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("partner", e.getKey()), e.getValue()))
                        .toList(), true))
                .doOnError(e -> webhookPending.register(List.of(), true));
        Mono<CallbackFigures> tasks = callbackTasks.figures()
                .doOnNext(f -> {
                    tasksOpen = f.pending();
                    tasksOverdue = f.overdue();
                })
                .doOnError(e -> {
                    tasksOpen = Double.NaN;
                    tasksOverdue = Double.NaN;
                });
        return Mono.whenDelayError(backlog, pending, tasks);
    }
}
