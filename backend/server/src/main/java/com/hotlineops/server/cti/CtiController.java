package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import com.hotlineops.contract.call.QueueLogIngestResult;
import com.hotlineops.core.call.CtiValidation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
        return Mono.fromCallable(() -> parser.parse(body))
                .flatMap(parsed -> store(parsed.lines(), parsed.rejections()));
    }

    /**
     * An Asterisk {@code queue_log} excerpt, mapped line by line onto CTI events ({@link AsteriskQueueLog}); uploading
     * the same lines again stores nothing twice.
     */
    @PostMapping(path = "/asterisk/queue-log", consumes = MediaType.TEXT_PLAIN_VALUE)
    Mono<QueueLogIngestResult> queueLog(@RequestBody String body,
            @RequestParam(defaultValue = "enterprise") Set<String> enterpriseQueues) {
        return Mono.fromCallable(() -> new AsteriskQueueLog(enterpriseQueues).parse(body))
                .flatMap(parsed -> store(parsed.events(), parsed.rejections())
                        .map(result -> new QueueLogIngestResult(parsed.lines(), parsed.ignored(), result)));
    }

    /** Validates each event on its own, then stores the good ones with those of concurrent requests. */
    private Mono<CtiIngestResult> store(List<CtiBatchParser.Line> lines, List<Rejection> parseRejections) {
        Instant now = clock.instant();
        List<Rejection> rejections = new ArrayList<>(parseRejections);
        List<CtiEvent> valid = new ArrayList<>();
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
