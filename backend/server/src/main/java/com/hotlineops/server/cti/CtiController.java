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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes CTI events. Idempotent on {@code eventId}: a repeated event is counted as a duplicate and changes nothing.
 * The answer comes after PostgreSQL has committed the events, written together with those of concurrent requests
 * ({@link CtiBatcher}).
 */
@RestController
@RequestMapping("/api/v1/cti")
class CtiController {

    private final CtiBatchParser parser;
    private final CtiBatcher batcher;
    private final Clock clock;

    CtiController(JsonMapper json, CtiBatcher batcher, Clock clock) {
        this.parser = new CtiBatchParser(json);
        this.batcher = batcher;
        this.clock = clock;
    }

    @PostMapping(path = "/events", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE,
            "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE})
    Mono<CtiIngestResult> ingest(@RequestBody String body) {
        return Mono.fromCallable(() -> parser.parse(body)).flatMap(parsed -> {
            Instant now = clock.instant();
            List<Rejection> rejections = new ArrayList<>(parsed.rejections());
            List<CtiEvent> valid = new ArrayList<>();
            for (CtiBatchParser.Line line : parsed.lines()) {
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
        });
    }
}
