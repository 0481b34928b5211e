package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CtiIngestIntegrationTests extends BackendIntegrationTest {

    private String event(String eventId, String type, String callId, Instant at) {
        return """
                {"eventId":"%s","type":"%s","callId":"%s","queue":"GENERAL","occurredAt":"%s","callerNumber":"13800001111"}"""
                .formatted(eventId, type, callId, at);
    }

    private CtiIngestResult post(MediaType type, String body) {
        return http.post().uri("/api/v1/cti/events")
                .headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CtiIngestResult.class).returnResult().getResponseBody();
    }

    @Test
    void batchWithBadLinesThenGoodLinesKeptAndBadOnesRejectedWithReasons() {
        String id = UUID.randomUUID().toString();
        Instant t = Instant.parse("2025-03-10T01:00:00Z");
        String body = "[" + event(id + "-1", "CALL_OFFERED", id, t) + ","
                + "{\"eventId\":\"" + id + "-2\",\"type\":\"CALL_OFFERED\",\"occurredAt\":\"" + t + "\"},"
                + "{\"eventId\":\"" + id + "-3\",\"type\":\"NOT_A_TYPE\"},"
                + event(id + "-4", "CALL_ANSWERED", id, t.plusSeconds(8)) + "]";

        CtiIngestResult result = post(MediaType.APPLICATION_JSON, body);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.duplicate()).isZero();
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.rejections()).extracting(CtiIngestResult.Rejection::line).containsExactly(2, 3);
        assertThat(result.rejections().get(0).reason()).contains("callId is required");
        assertThat(result.rejections().get(1).reason()).contains("NOT_A_TYPE");
    }

    @Test
    void repeatedEventIdsThenCountedAsDuplicatesAndFiguresUnchanged() {
        String id = UUID.randomUUID().toString();
        Instant t = Instant.parse("2025-03-11T02:00:00Z");
        String ndjson = event(id + "-1", "CALL_OFFERED", id, t) + "\n"
                + event(id + "-2", "CALL_ABANDONED", id, t.plusSeconds(30)) + "\n";

        CtiIngestResult first = post(MediaType.APPLICATION_NDJSON, ndjson);
        CtiIngestResult again = post(MediaType.APPLICATION_NDJSON, ndjson + "{broken\n");

        assertThat(first.accepted()).isEqualTo(2);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicate()).isEqualTo(2);
        assertThat(again.rejections()).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(3));

        CallFigures figures = http.get()
                .uri("/api/v1/figures/calls?from=2025-03-11T00:00:00Z&to=2025-03-12T00:00:00Z")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(CallFigures.class).returnResult().getResponseBody();
        assertThat(figures.offered()).isEqualTo(1);
        assertThat(figures.abandonedLong()).isEqualTo(1);
        assertThat(figures.answerRate()).isEqualTo(0.0);
        assertThat(figures.asaSeconds()).isNull();
    }

    @Test
    void postWithoutTokenThenUnauthorizedProblem() {
        http.post().uri("/api/v1/cti/events").contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void postByAgentThenForbiddenAndPostByTelephonePlatformThenAllowed() {
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isOk();
    }

    @Test
    void emptyBodyThenBadRequestProblem() {
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(" ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void figuresWindowReversedThenBadRequestProblem() {
        http.get().uri("/api/v1/figures/calls?from=2025-03-12T00:00:00Z&to=2025-03-11T00:00:00Z")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("from must be before to");
    }
}
