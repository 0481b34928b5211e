package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.QueueLogIngestResult;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code POST /api/v1/cti/asterisk/queue-log} against real PostgreSQL: figures from the log, idempotent re-upload. */
class AsteriskQueueLogIntegrationTests extends BackendIntegrationTest {

    private static final Instant T = Instant.parse("2025-06-02T02:00:00Z");

    private static String at(int seconds) {
        return Long.toString(T.getEpochSecond() + seconds);
    }

    private QueueLogIngestResult upload(String text, String user) {
        return http.post().uri("/api/v1/cti/asterisk/queue-log?enterpriseQueues=press2")
                .headers(h -> h.setBearerAuth(token(http, user)))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(text)
                .exchange().expectStatus().isOk()
                .expectBody(QueueLogIngestResult.class).returnResult().getResponseBody();
    }

    @Test
    void uploadedQueueLogThenFiguresFromItAndSecondUploadStoresNothing() {
        String log = String.join("\n",
                at(0) + "|q1.1|support|NONE|ENTERQUEUE||13800138000|1",
                at(12) + "|q1.1|support|PJSIP/1001|CONNECT|12|q1.2|3",
                at(90) + "|q1.1|support|PJSIP/1001|COMPLETEAGENT|12|78|1",
                at(5) + "|q2.1|press2|NONE|ENTERQUEUE||13900139000|1",
                at(35) + "|q2.1|press2|NONE|ABANDON|1|1|30",
                at(10) + "|q3.1|support|NONE|ENTERQUEUE||anonymous|2",
                at(13) + "|q3.1|support|NONE|ABANDON|1|2|3",
                at(20) + "|q3.1|support|PJSIP/1001|RINGNOANSWER|15000");

        QueueLogIngestResult first = upload(log, "cti");
        QueueLogIngestResult again = upload(log, "cti");

        assertThat(first.lines()).isEqualTo(8);
        assertThat(first.ignored()).isEqualTo(1);
        assertThat(first.events().accepted()).isEqualTo(9);
        assertThat(first.events().rejected()).isZero();
        assertThat(again.events().accepted()).isZero();
        assertThat(again.events().duplicate()).isEqualTo(9);
        CallFigures figures = http.get()
                .uri(u -> u.path("/api/v1/figures/calls").queryParam("from", T).queryParam("to", T.plusSeconds(3600))
                        .build())
                .headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(CallFigures.class).returnResult().getResponseBody();
        assertThat(figures.offered()).isEqualTo(3);
        assertThat(figures.answered()).isEqualTo(1);
        assertThat(figures.abandonedLong()).isEqualTo(1);
        assertThat(figures.abandonedShort()).isEqualTo(1);
        assertThat(figures.asaSeconds()).isEqualTo(12.0);
        assertThat(figures.answerRate()).isEqualTo(0.5);
    }

    @Test
    void uploadByAgentThenForbidden() {
        http.post().uri("/api/v1/cti/asterisk/queue-log").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(at(0) + "|z.1|support|NONE|ENTERQUEUE||1|1")
                .exchange().expectStatus().isForbidden();
    }
}
