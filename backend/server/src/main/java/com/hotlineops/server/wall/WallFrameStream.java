package com.hotlineops.server.wall;

import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Frames for walls: a full snapshot first, then at most four updates a second while things change and one every
 * two seconds while nothing does (so a wall can tell a quiet floor from a dead stream). All subscribers share one
 * sampled update sequence; a slow subscriber skips to the newest frame instead of holding anyone up.
 */
@Component
public class WallFrameStream {

    static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final LiveState state;
    private final Flux<WallFrame> updates;

    WallFrameStream(LiveState state) {
        this.state = state;
        this.updates = Flux.merge(state.changes(), Flux.interval(HEARTBEAT).map(t -> Boolean.TRUE))
                .sample(MIN_INTERVAL)
                .map(x -> state.frame(FrameKind.UPDATE))
                .share();
    }

    public Flux<WallFrame> frames() {
        return Flux.concat(Mono.fromCallable(() -> state.frame(FrameKind.SNAPSHOT)), updates.onBackpressureLatest());
    }
}
