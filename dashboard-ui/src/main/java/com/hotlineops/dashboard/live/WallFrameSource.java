package com.hotlineops.dashboard.live;

import com.hotlineops.contract.wall.WallFrame;
import reactor.core.publisher.Flux;

/** One connection to the backend's wall stream: frames until the connection ends, by error or completion. */
@FunctionalInterface
interface WallFrameSource {

    /** A cold flux: each subscription opens a new connection (with fresh credentials). */
    Flux<WallFrame> frames();
}
