package com.hotlineops.server.partner;

import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.partner.StatusCallbackQueue;
import com.hotlineops.core.partner.PendingCallback;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the status callbacks of partner tickets (decision 0016). Every instance runs one: it wakes on each ticket
 * entry of the event stream (a callback row is committed with the change that the entry announces) and every
 * {@code hotline.webhooks.poll-interval} for retries that fell due, claims due rows from the {@link StatusCallbackQueue},
 * POSTs each signed ({@link WebhookSignature}) and records the outcome: 2xx is delivered, anything else is retried on
 * the {@link RetrySchedule} until {@code max-attempts}, with a line saying why ({@link AttemptFailure}). A disabled partner's callbacks are not claimed; they wait.
 *
 * <p>Each attempt's outcome counts in {@code hotline.webhook.deliveries} by partner and outcome: {@code delivered},
 * {@code retried} (the attempt failed, another is scheduled), {@code failed} (given up: FAILED until an administrator
 * replays it) or {@code stale} (the attempt failed after it had outlived its lease and another attempt had claimed the
 * callback, or delivered it, so its failure recorded nothing — the newer attempt counts its own outcome; decision
 * 0035) or {@code duplicate} (the partner acknowledged a callback another attempt had already delivered: it was sent
 * twice, which at-least-once delivery allows and the partner dedupes by event id). So {@code delivered} counts each
 * callback once. Those waiting are sampled from the table (decision 0030).
 */
@Component
class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final int PARALLEL = 8;

    private final StatusCallbackQueue queue;
    private final EventStream events;
    private final JsonMapper json;
    private final Clock clock;
    private final RetrySchedule retry;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Duration lease;
    private final boolean enabled;
    private final HttpClient http;
    private final MeterRegistry meters;
    /**
     * Rings when an administrator made callbacks due (a replay, a partner enabled again), so they go out now rather
     * than at the next poll. Best effort: a ring lost to a concurrent one is made up by the poll.
     */
    private final Sinks.Many<Long> wakeups = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;

    WebhookDeliverer(StatusCallbackQueue queue, EventStream events, JsonMapper json, Clock clock, MeterRegistry meters,
            @Value("${hotline.webhooks.enabled:true}") boolean enabled,
            @Value("${hotline.webhooks.poll-interval:1s}") Duration pollInterval,
            @Value("${hotline.webhooks.initial-backoff:10s}") Duration initialBackoff,
            @Value("${hotline.webhooks.max-backoff:1h}") Duration maxBackoff,
            @Value("${hotline.webhooks.max-attempts:12}") int maxAttempts,
            @Value("${hotline.webhooks.timeout:10s}") Duration timeout) {
        this.queue = queue;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        // A lease outlives the slowest attempt, so a row is never sent by two instances at once.
        this.lease = timeout.multipliedBy(3);
        this.retry = new RetrySchedule(initialBackoff, maxBackoff, maxAttempts);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        Flux<Long> doorbell = Mono.defer(events::tail)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .flatMapMany(events::follow)
                .filter(e -> e.topic() == Topic.TICKET)
                .map(e -> 0L);
        running = Flux.merge(Flux.interval(Duration.ZERO, pollInterval), doorbell, wakeups.asFlux())
                .onBackpressureLatest()
                .concatMap(wake -> drain().onErrorResume(e -> {
                    log.warn("Webhook delivery round failed, the next one retries: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Looks for due callbacks now instead of at the next poll. */
    void wake() {
        wakeups.tryEmitNext(0L);
    }

    /**
     * Delivers due callbacks until none is left, {@link #PARALLEL} at a time; emits how many attempts were made. Each
     * sender claims one callback when it is free to send it at once, so a lease starts with its attempt and outlives
     * it even when the endpoint is slow (decision 0035); a callback claimed ahead, waiting for a sender while its lease
     * ran, could be claimed and sent by another instance too.
     */
    Mono<Integer> drain() {
        return claimOne()
                .flatMap(first -> Flux.range(0, PARALLEL)
                        .flatMap(sender -> sender == 0 ? deliver(first).then(sender()).map(n -> n + 1) : sender(),
                                PARALLEL)
                        .reduce(0, Integer::sum))
                .defaultIfEmpty(0);
    }

    /** Claims and delivers one callback after another until none is due; emits how many. */
    private Mono<Integer> sender() {
        return claimOne()
                .flatMap(c -> deliver(c).thenReturn(1))
                .defaultIfEmpty(0)
                .repeat()
                .takeWhile(n -> n > 0)
                .count()
                .map(Long::intValue);
    }

    private Mono<PendingCallback> claimOne() {
        return queue.claim(1, lease).next();
    }

    private Mono<Void> deliver(PendingCallback c) {
        return Mono.defer(() -> {
            byte[] body = json.writeValueAsBytes(c.callback());
            long t = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "HotlineOps-Webhooks/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, c.callback().eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(c.secret(), c.previousSecret(), t, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return Mono.fromFuture(() -> http.sendAsync(request, AttemptFailure.bodyPrefix()))
                    .timeout(AttemptFailure.wholeAnswer(timeout));
        })
                .onErrorResume(e -> failed(c, null, AttemptFailure.unanswered(e, uri(c.url()), timeout))
                        .then(Mono.empty()))
                .flatMap(response -> response.statusCode() / 100 == 2
                        ? queue.delivered(c.id(), response.statusCode())
                                .doOnNext(recorded -> count(c, recorded ? "delivered" : "duplicate")).then()
                        : failed(c, response.statusCode(), AttemptFailure.answered(response.statusCode(),
                                response.body(), response.headers().firstValue("Location").orElse(null))));
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Mono<Void> failed(PendingCallback c, Integer status, String error) {
        var next = retry.next(c.attempt(), clock.instant());
        return queue.failed(c.id(), c.attempt(), status, error, next)
                .doOnNext(recorded -> {
                    if (!recorded) {
                        log.debug("Failure of status callback {} not recorded: a later attempt replaced it", c);
                        count(c, "stale");
                    } else if (next == null) {
                        log.warn("Status callback {} given up after {} attempts: {}", c, c.attempt(), error);
                        count(c, "failed");
                    } else {
                        count(c, "retried");
                    }
                })
                .then();
    }

    private void count(PendingCallback c, String outcome) {
        Counter.builder("hotline.webhook.deliveries")
                .description("Outcomes of status callback attempts: delivered, retried, failed (given up), "
                        + "stale (a failure not recorded: another attempt had replaced it) or duplicate (acknowledged "
                        + "after another attempt had delivered it)")
                .tag("partner", c.partner())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
