package com.hotlineops.server.wall;

import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Frames for walls: a full snapshot first, then at most four updates a second while things change and one every
 * two seconds while nothing does (so a wall can tell a quiet floor from a dead stream). All subscribers share one
 * sampled update sequence; a slow subscriber skips to the newest frame instead of holding anyone up.
 *
 * <p>Meters (decision 0030): {@code hotline.wall.subscribers} (open {@code wall.frames} streams, one per dashboard-ui
 * instance or console), {@code hotline.wall.frames.published} by kind (an update counts once, however many subscribe;
 * none are built while nobody subscribes) and {@code hotline.wall.frame.build}, the time to build one.
 */
@Component
public class WallFrameStream {

    static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final LiveState state;
    private final Flux<WallFrame> updates;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Timer buildTime;
    private final Map<FrameKind, Counter> published = new EnumMap<>(FrameKind.class);

    WallFrameStream(LiveState state, MeterRegistry meters) {
        this.state = state;
        this.buildTime = Timer.builder("hotline.wall.frame.build")
                .description("Time to build one wall frame from the live state")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
                        Duration.ofMillis(100), Duration.ofMillis(250))
                .register(meters);
        for (FrameKind kind : FrameKind.values()) {
            published.put(kind, Counter.builder("hotline.wall.frames.published")
                    .description("Wall frames built for the wall.frames streams (an update once for all subscribers)")
                    .tag("kind", kind.name())
                    .register(meters));
        }
        Gauge.builder("hotline.wall.subscribers", subscribers, AtomicInteger::get)
                .description("Open wall.frames streams")
                .register(meters);
        this.updates = Flux.merge(state.changes(), Flux.interval(HEARTBEAT).map(t -> Boolean.TRUE))
                .sample(MIN_INTERVAL)
                .map(x -> frame(FrameKind.UPDATE))
                .share();
    }

    public Flux<WallFrame> frames() {
        return Flux.concat(Mono.fromCallable(() -> frame(FrameKind.SNAPSHOT)), updates.onBackpressureLatest())
                .doOnSubscribe(s -> subscribers.incrementAndGet())
                .doFinally(signal -> subscribers.decrementAndGet());
    }

    private WallFrame frame(FrameKind kind) {
        WallFrame frame = buildTime.record(() -> state.frame(kind));
        published.get(kind).increment();
        return frame;
    }
}
