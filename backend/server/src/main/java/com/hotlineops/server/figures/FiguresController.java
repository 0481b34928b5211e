package com.hotlineops.server.figures;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallFiguresCalculator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Figures for the calls offered in {@code [from, to)}, computed on event time from PostgreSQL with the same
 * definition as the live wall ({@link CallFiguresCalculator}).
 */
@RestController
@RequestMapping("/api/v1/figures")
class FiguresController {

    static final Duration MAX_WINDOW = Duration.ofDays(92);

    private final CallEventStore store;
    private final Clock clock;

    FiguresController(CallEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/calls")
    Mono<CallFigures> calls(@RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(required = false) CallQueue queue) {
        if (!from.isBefore(to)) {
            return Mono.error(new IllegalArgumentException("from must be before to"));
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            return Mono.error(new IllegalArgumentException("the window may span at most 92 days"));
        }
        Instant now = clock.instant();
        return store.callsOfferedBetween(from, to)
                .map(calls -> new CallFiguresCalculator(from, to, queue).addAll(calls).result(now));
    }
}
