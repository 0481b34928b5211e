package com.hotlineops.server.sla;

import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.server.support.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sweeps the SLA clocks every {@code hotline.sla.sweep-interval} (default 15 s) at the injected clock's time. No
 * leader is needed: the claims in {@link TicketService#sweepSla} let exactly one sweeper announce each crossing.
 */
@Component
public class SlaSweeper extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

    private final TicketService tickets;
    private final Clock clock;

    @Autowired
    SlaSweeper(TicketService tickets, Clock clock, @Value("${hotline.sla.sweep-interval:15s}") Duration interval) {
        super("SLA sweep", interval, interval);
        this.tickets = tickets;
        this.clock = clock;
    }

    /** A sweeper on its own clock, not started (tests run several against one database). */
    public static SlaSweeper on(TicketService tickets, Clock clock) {
        return new SlaSweeper(tickets, clock, Duration.ofDays(1));
    }

    /** One sweep now; the number of announcements made. */
    public Mono<Integer> sweepOnce() {
        return Mono.defer(() -> tickets.sweepSla(clock.instant()));
    }

    @Override
    protected Mono<Integer> runOnce() {
        return sweepOnce().doOnNext(n -> {
            if (n > 0) {
                log.info("SLA sweep announced {} crossings", n);
            }
        });
    }
}
