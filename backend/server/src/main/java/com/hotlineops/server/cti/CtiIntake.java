package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import com.hotlineops.core.call.CtiValidation;
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
 */
@Component
class CtiIntake {

    private final CtiBatcher batcher;
    private final Clock clock;

    CtiIntake(CtiBatcher batcher, Clock clock) {
        this.batcher = batcher;
        this.clock = clock;
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
        return batcher.submit(valid).map(fresh -> new CtiIngestResult(fresh, valid.size() - fresh,
                rejections.size(), rejections));
    }
}
