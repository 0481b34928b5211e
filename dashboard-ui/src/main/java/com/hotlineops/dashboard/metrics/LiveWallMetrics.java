package com.hotlineops.dashboard.metrics;

import com.hotlineops.dashboard.live.LiveWall;
import com.hotlineops.dashboard.live.LiveWallState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The live wall of this instance as meters (decision 0030), read from {@link LiveWall} at scrape time (counters and
 * a field or two: nothing to compute):
 * <ul>
 *   <li>{@code hotline.ui.walls.attached}: wall views subscribed to the live state;</li>
 *   <li>{@code hotline.ui.frames.received}: frames received from the backend's {@code wall.frames} stream;</li>
 *   <li>{@code hotline.ui.stream.connected}: 1 while frames arrive, 0 while the stream is down or reconnecting;</li>
 *   <li>{@code hotline.ui.frame.age}: seconds since the last frame (since start before the first). The backend sends
 *       one at least every two seconds, so more than a few seconds means the walls show old figures.</li>
 * </ul>
 */
@Component
class LiveWallMetrics {

    LiveWallMetrics(LiveWall wall, MeterRegistry meters) {
        Gauge.builder("hotline.ui.walls.attached", wall, LiveWall::viewsAttached)
                .description("Wall views attached to this instance's live state")
                .register(meters);
        FunctionCounter.builder("hotline.ui.frames.received", wall, LiveWall::framesReceived)
                .description("Frames received from the backend's wall.frames stream")
                .register(meters);
        Gauge.builder("hotline.ui.stream.connected", wall, w -> w.current().link() == LiveWallState.Link.LIVE ? 1 : 0)
                .description("1 while the backend's wall.frames stream delivers, 0 while it is down or reconnecting")
                .register(meters);
        Gauge.builder("hotline.ui.frame.age", wall, w -> w.sinceLastFrame().toMillis() / 1000.0)
                .description("Seconds since the last wall frame arrived (since start before the first)")
                .baseUnit("seconds")
                .register(meters);
    }
}
