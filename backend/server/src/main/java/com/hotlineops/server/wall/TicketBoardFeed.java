package com.hotlineops.server.wall;

import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.core.board.TicketBoardService;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Keeps the wall's {@link TicketBoard} fresh beside {@link LiveState}: recomputed from PostgreSQL every
 * {@code hotline.wall.board-refresh} (default 2 s, the frame heartbeat). SLA states change with time as much as with
 * events, and the board is a handful of aggregate queries, so a short timer is simpler than following every event;
 * a lost Redis message can never cost a number.
 */
@Component
class TicketBoardFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TicketBoardFeed.class);

    private final TicketBoardService boards;
    private final Clock clock;
    private final Duration refresh;
    private volatile TicketBoard latest = TicketBoard.EMPTY;
    private volatile Disposable timer;

    TicketBoardFeed(TicketBoardService boards, Clock clock,
            @Value("${hotline.wall.board-refresh:2s}") Duration refresh) {
        this.boards = boards;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The last computed board; {@link TicketBoard#EMPTY} until the first computation. */
    TicketBoard latest() {
        return latest;
    }

    @Override
    public void start() {
        timer = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> boards.compute(clock.instant())
                        .doOnNext(b -> latest = b)
                        .onErrorResume(e -> {
                            log.warn("Ticket board refresh failed, keeping the last one: {}", e.toString());
                            return reactor.core.publisher.Mono.empty();
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
