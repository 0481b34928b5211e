package com.hotlineops.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.testsupport.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The CTI ingest's and the callback queue's series on {@code /actuator/prometheus}, scraped with the scrape credential
 * around real requests: events by outcome, batch sizes, commit times, the write queue, and the callback tasks open and
 * overdue as sampled from PostgreSQL.
 */
class CtiMetricsIntegrationTests extends BackendIntegrationTest {

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http.get().uri("/actuator/prometheus")
                .header(HttpHeaders.ACCEPT, PrometheusScrape.ACCEPT)
                .headers(h -> h.setBearerAuth(METRICS_TOKEN))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static String event(String eventId, String type, String callId, Instant at, String number) {
        return """
                {"eventId":"%s","type":"%s","callId":"%s","queue":"GENERAL","occurredAt":"%s"%s}"""
                .formatted(eventId, type, callId, at, number == null ? "" : ",\"callerNumber\":\"" + number + "\"");
    }

    private void post(String ndjson, int accepted, int duplicate, int rejected) {
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(accepted)
                .jsonPath("$.duplicate").isEqualTo(duplicate)
                .jsonPath("$.rejected").isEqualTo(rejected);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
            Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void eventsPostedThenCountedByOutcomeWithBatchesCommitsAndTheCallbackTasksTheyOpened() {
        PrometheusScrape before = scrape();
        String call = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant offered = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(50));
        String number = "136" + String.format("%08d", (int) (Math.random() * 100_000_000));
        String offer = event(call + "-o", "CALL_OFFERED", call, offered, number);
        String abandon = event(call + "-x", "CALL_ABANDONED", call, offered.plusSeconds(30), null);
        String otherOffer = event(other + "-o", "CALL_OFFERED", other, offered, null);

        post(offer + "\n" + abandon + "\n{\"eventId\":\"no-type\"}\nnot json", 2, 0, 2);
        post(offer + "\n" + otherOffer, 1, 1, 0);

        PrometheusScrape after = scrape();
        assertThat(delta(before, after, "hotline_cti_events_total", Map.of("outcome", "accepted"))).isEqualTo(3);
        assertThat(delta(before, after, "hotline_cti_events_total", Map.of("outcome", "duplicate"))).isEqualTo(1);
        assertThat(delta(before, after, "hotline_cti_events_total", Map.of("outcome", "rejected"))).isEqualTo(2);
        assertThat(delta(before, after, "hotline_cti_batch_size_events_count", Map.of())).isEqualTo(2);
        assertThat(delta(before, after, "hotline_cti_batch_size_events_sum", Map.of())).isEqualTo(4);
        assertThat(after.samples("hotline_cti_batch_size_events_bucket", Map.of()))
                .extracting(s -> s.labels().get("le")).contains("1.0", "5000.0", "+Inf");
        Map<String, String> committed = Map.of("outcome", "committed");
        assertThat(delta(before, after, "hotline_cti_commit_seconds_count", committed)).isEqualTo(2);
        assertThat(delta(before, after, "hotline_cti_commit_seconds_sum", committed)).isPositive();
        assertThat(after.samples("hotline_cti_commit_seconds_bucket", committed))
                .extracting(s -> s.labels().get("le")).contains("0.05", "+Inf");
        assertThat(after.samples("hotline_cti_queued_events", Map.of())).singleElement()
                .satisfies(s -> assertThat(s.value()).isZero());
        assertThat(after.samples("hotline_cti_overloaded_total", Map.of())).singleElement()
                .satisfies(s -> assertThat(s.value()).isZero());
        assertThat(after.names("hotline_cti_queue_log_lines")).containsExactly("hotline_cti_queue_log_lines_total");

        // The abandon (30 s, 50 minutes ago) opened a task that is already overdue; the sampler reads them every 5 s.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CallbackFigures figures = http.get().uri("/api/v1/callbacks/figures")
                    .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                    .expectBody(CallbackFigures.class).returnResult().getResponseBody();
            PrometheusScrape now = scrape();
            assertThat(figures.overdue()).isGreaterThanOrEqualTo(1);
            assertThat(now.sum("hotline_callback_tasks_open", Map.of())).isEqualTo(figures.pending());
            assertThat(now.sum("hotline_callback_tasks_overdue", Map.of())).isEqualTo(figures.overdue());
        });
    }
}
