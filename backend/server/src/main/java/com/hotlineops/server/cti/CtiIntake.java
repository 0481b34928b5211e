package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import com.hotlineops.core.call.CtiValidation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one way CTI events get in, whatever carried them (HTTP body, Asterisk upload, a tailed {@code queue_log}):
 * each event validated on its own, the good ones stored with those of concurrent requests ({@link CtiBatcher}).
 *
 * <p>{@code hotline.cti.events} counts the events of answered requests by outcome: {@code accepted} (stored now),
 * {@code duplicate} (an {@code eventId} stored before), {@code rejected} (a line that was not a valid event). A request
 * that fails as a whole (503 when the queue is full, PostgreSQL down) changed nothing and counts nothing here.
 */
@Component
class CtiIntake {

    private final CtiBatcher batcher;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicate;
    private final Counter rejected;

    CtiIntake(CtiBatcher batcher, Clock clock, MeterRegistry meters) {
        this.batcher = batcher;
        this.clock = clock;
        this.accepted = events(meters, "accepted");
        this.duplicate = events(meters, "duplicate");
        this.rejected = events(meters, "rejected");
    }

    private static Counter events(MeterRegistry meters, String outcome) {
        return Counter.builder("hotline.cti.events")
                .description("CTI events of answered requests, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    Mono<CtiIngestResult> store(List<CtiBatchParser.Line> lines, List<Rejection> parseRejections) {
        Instant now = clock.instant();
        List<Rejection> rejections = new ArrayList<>(parseRejections);
        List<CtiEvent> valid = new ArrayList<>(lines.size());
        for (CtiBatchParser.Line line : lines) {
            String problem = CtiValidation.problem(line.event(), now);
            if (problem == null) {
                valid.add(line.event());
            } else {
                rejections.add(new Rejection(line.number(), line.event().eventId(), problem));
            }
        }
        rejections.sort(Comparator.comparingInt(Rejection::line));
        return batcher.submit(valid).map(fresh -> {
            accepted.increment(fresh);
            duplicate.increment(valid.size() - fresh);
            rejected.increment(rejections.size());
            return new CtiIngestResult(fresh, valid.size() - fresh, rejections.size(), rejections);
        });
    }
}
