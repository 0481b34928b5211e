package com.hotlineops.server.sla;

import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.server.support.PeriodicJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * {@code hotline.sla.crossings} counts the crossings this instance announced (the cluster's sum is every crossing,
 * once); whether sweeps still complete is {@code hotline.task.last.success.age{task="sla-sweeper"}} (decision 0030).
 */
@Component
public class SlaSweeper extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

    private final TicketService tickets;
    private final Clock clock;
    private final Counter crossings;

    @Autowired
    SlaSweeper(TicketService tickets, Clock clock, @Value("${hotline.sla.sweep-interval:15s}") Duration interval,
            MeterRegistry meters) {
        super("SLA sweep", interval, interval);
        this.tickets = tickets;
        this.clock = clock;
        this.crossings = Counter.builder("hotline.sla.crossings")
                .description("SLA crossings into AT_RISK or OVERDUE that this instance's sweeps announced")
                .register(meters);
    }

    /** A sweeper on its own clock, not started and counted nowhere (tests run several against one database). */
    public static SlaSweeper on(TicketService tickets, Clock clock) {
        return new SlaSweeper(tickets, clock, Duration.ofDays(1), new SimpleMeterRegistry());
    }

    /** One sweep now; the number of announcements made. */
    public Mono<Integer> sweepOnce() {
        return Mono.defer(() -> tickets.sweepSla(clock.instant())).doOnNext(n -> crossings.increment(n));
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
