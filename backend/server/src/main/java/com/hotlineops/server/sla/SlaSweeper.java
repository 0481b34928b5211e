package com.hotlineops.server.sla;

import com.hotlineops.core.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sweeps the SLA clocks every {@code hotline.sla.sweep-interval} (default 15 s) at the injected clock's time. No
 * leader is needed: the claims in {@link TicketService#sweepSla} let exactly one sweeper announce each crossing.
 */
@Component
public class SlaSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

    private final TicketService tickets;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable timer;

    @Autowired
    SlaSweeper(TicketService tickets, Clock clock, @Value("${hotline.sla.sweep-interval:15s}") Duration interval) {
        this.tickets = tickets;
        this.clock = clock;
        this.interval = interval;
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
    public void start() {
        timer = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce()
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("SLA sweep announced {} crossings", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("SLA sweep failed, next tick retries: {}", e.toString());
                            return Mono.empty();
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
