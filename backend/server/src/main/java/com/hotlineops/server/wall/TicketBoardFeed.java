package com.hotlineops.server.wall;

import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.core.board.TicketBoardService;
import com.hotlineops.server.support.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the wall's {@link TicketBoard} fresh beside {@link LiveState}: recomputed from PostgreSQL every
 * {@code hotline.wall.board-refresh} (default 2 s, the frame heartbeat). SLA states change with time as much as with
 * events, and the board is a handful of aggregate queries, so a short timer is simpler than following every event;
 * a lost Redis message can never cost a number.
 */
@Component
class TicketBoardFeed extends PeriodicJob {

    private final TicketBoardService boards;
    private final Clock clock;
    private volatile TicketBoard latest = TicketBoard.EMPTY;

    TicketBoardFeed(TicketBoardService boards, Clock clock,
            @Value("${hotline.wall.board-refresh:2s}") Duration refresh) {
        super("Ticket board refresh (the wall keeps the last board)", Duration.ZERO, refresh);
        this.boards = boards;
        this.clock = clock;
    }

    /** The last computed board; {@link TicketBoard#EMPTY} until the first computation. */
    TicketBoard latest() {
        return latest;
    }

    @Override
    protected Mono<TicketBoard> runOnce() {
        return boards.compute(clock.instant()).doOnNext(b -> latest = b);
    }
}
