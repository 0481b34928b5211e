package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.contract.call.QueueLogIngestResult;
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
 * ({@link CtiIntake}, {@link CtiBatcher}).
 */
@RestController
@RequestMapping("/api/v1/cti")
class CtiController {

    private final CtiBatchParser parser;
    private final CtiIntake intake;

    CtiController(JsonMapper json, CtiIntake intake) {
        this.parser = new CtiBatchParser(json);
        this.intake = intake;
    }

    @PostMapping(path = "/events", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE,
            "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE})
    Mono<CtiIngestResult> ingest(@RequestBody byte[] body) {
        return Mono.fromCallable(() -> parser.parse(body))
                .flatMap(parsed -> intake.store(parsed.lines(), parsed.rejections()));
    }

    /**
     * An Asterisk {@code queue_log} excerpt, mapped line by line onto CTI events ({@link AsteriskQueueLog}); uploading
     * the same lines again stores nothing twice.
     */
    @PostMapping(path = "/asterisk/queue-log", consumes = MediaType.TEXT_PLAIN_VALUE)
    Mono<QueueLogIngestResult> queueLog(@RequestBody String body,
            @RequestParam(defaultValue = "enterprise") Set<String> enterpriseQueues) {
        return Mono.fromCallable(() -> new AsteriskQueueLog(enterpriseQueues).parse(body))
                .flatMap(parsed -> intake.store(parsed.events(), parsed.rejections())
                        .map(result -> new QueueLogIngestResult(parsed.lines(), parsed.ignored(), result)));
    }
}
