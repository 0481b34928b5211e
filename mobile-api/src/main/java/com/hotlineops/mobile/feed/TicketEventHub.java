package com.hotlineops.mobile.feed;

import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.StreamEvent;
import com.hotlineops.core.events.Topic;
import com.hotlineops.mobile.MobileProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of the event stream in this instance (DESIGN.md §3: every instance reads the stream and updates
 * its subscribers). It follows the stream from its tail at start and hands each ticket change to the feeds it
 * concerns through a {@link FanOut}. A resumed feed that needs older changes reads them once with a bounded range
 * read ({@code EventStream.range}) and then joins this fan-out; no feed follows the stream itself.
 *
 * <p>Meters (decision 0030): {@code hotline.mobile.feeds}, the feeds joined now, and
 * {@code hotline.mobile.feed.overflows}, the feeds ended because their phone fell a whole buffer behind.
 */
@Component
class TicketEventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TicketEventHub.class);
    /** How long a feed waits for the hub to reach the stream (Redis down at start) before the phone is told. */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final EventStream stream;
    private final JsonMapper json;
    private final FanOut<TicketEvent> fanOut;
    private final Sinks.One<String> started = Sinks.one();
    private volatile Disposable reader;

    TicketEventHub(EventStream stream, JsonMapper json, MobileProperties properties, MeterRegistry meters) {
        this.stream = stream;
        this.json = json;
        Counter overflows = Counter.builder("hotline.mobile.feed.overflows")
                .description("Phone feeds ended because the phone fell a whole buffer behind (it resumes)")
                .register(meters);
        this.fanOut = new FanOut<>(properties.feedBuffer(), Schedulers.parallel(), () -> {
            overflows.increment();
            return new FeedOverflowException(properties.feedBuffer());
        });
        Gauge.builder("hotline.mobile.feeds", fanOut, FanOut::size)
                .description("Open mobile.feed streams of this instance")
                .register(meters);
    }

    /** Joins the fan-out once the hub follows the stream; the member gets every change after its position. */
    Mono<FanOut.Member<TicketEvent>> join(Predicate<? super TicketEvent> filter) {
        return started.asMono()
                .timeout(START_WAIT, Mono.error(() -> new IllegalStateException(
                        "unavailable: the live feed is not ready yet; retry shortly")))
                .then(Mono.fromSupplier(() -> fanOut.join(filter)));
    }

    /** The ticket change an entry carries, or null for entries of other topics (and unreadable ones). */
    TicketEvent ticketEvent(StreamEvent entry) {
        if (entry.topic() != Topic.TICKET) {
            return null;
        }
        try {
            return new TicketEvent(entry.id(), json.readValue(entry.payload(), TicketChanged.class));
        } catch (JacksonException e) {
            log.error("Skipping unreadable ticket event {} (outbox {}): {}", entry.id(), entry.outboxId(),
                    e.getOriginalMessage());
            return null;
        }
    }

    @Override
    public void start() {
        reader = stream.tail()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Cannot read the event stream tail yet: {}",
                                s.failure().toString())))
                .doOnNext(tail -> {
                    fanOut.start(tail);
                    started.tryEmitValue(tail);
                    log.info("Feeding phones from event stream position {}", tail);
                })
                .flatMapMany(stream::follow)
                .subscribe(entry -> fanOut.publish(entry.id(), ticketEvent(entry)),
                        e -> log.error("Event stream reader ended", e));
    }

    @Override
    public void stop() {
        Disposable r = reader;
        if (r != null) {
            r.dispose();
        }
        reader = null;
        fanOut.closeAll(() -> new IllegalStateException("server-shutdown: reconnect with your last cursor"));
    }

    @Override
    public boolean isRunning() {
        Disposable r = reader;
        return r != null && !r.isDisposed();
    }

    /** Before the servers start taking connections, after the core's beans are up. */
    @Override
    public int getPhase() {
        return 0;
    }

    int feeds() {
        return fanOut.size();
    }
}
