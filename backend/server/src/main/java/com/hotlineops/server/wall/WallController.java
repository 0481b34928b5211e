package com.hotlineops.server.wall;

import com.hotlineops.contract.wall.WallFrame;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** RSocket {@code wall.frames} (request-stream). Aggregates only: no citizen names or numbers ever reach a frame. */
@Controller
class WallController {

    private final WallFrameStream frames;

    WallController(WallFrameStream frames) {
        this.frames = frames;
    }

    @MessageMapping("wall.frames")
    Flux<WallFrame> frames() {
        return frames.frames();
    }
}
