package com.hotlineops.mobile.ticket;

import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The REST mirror: same commands, idempotent on {@code commandId}, errors as problem details. */
class TicketRestIntegrationTests extends MobileApiIntegrationTestSupport {

    @Test
    void acceptProgressFinishOverRestAndARetryIsReplayed() {
        TicketView ticket = dispatchedTicket("T01-G01");
        String token = accessToken("worker2");
        UUID accept = UUID.randomUUID();

        for (boolean replayed : new boolean[] {false, true}) {
            http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                    .headers(h -> h.setBearerAuth(token))
                    .bodyValue(Map.of("commandId", accept))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.commandId").isEqualTo(accept.toString())
                    .jsonPath("$.replayed").isEqualTo(replayed)
                    .jsonPath("$.ticket.status").isEqualTo("ACCEPTED");
        }
        http().post().uri("/mobile/v1/tickets/{id}/progress", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "note", "已到现场"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ticket.status").isEqualTo("ACCEPTED");
        http().post().uri("/mobile/v1/tickets/{id}/finish", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "note", "已修复"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ticket.status").isEqualTo("FEEDBACK_SUBMITTED");
    }

    @Test
    void returnWithReasonThenReturnRequestedAndWithoutReasonThenBadRequest() {
        TicketView ticket = dispatchedTicket("T01-G01");
        String token = accessToken("worker1");
        http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange().expectStatus().isOk();

        http().post().uri("/mobile/v1/tickets/{id}/return", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http().post().uri("/mobile/v1/tickets/{id}/return", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "note", "不属于本网格管辖"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ticket.status").isEqualTo("RETURN_REQUESTED");
    }

    @Test
    void finishBeforeAcceptThen409WithCurrentStateAndAllowedActions() {
        TicketView ticket = dispatchedTicket("T01-G01");

        http().post().uri("/mobile/v1/tickets/{id}/finish", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "note", "done"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("illegal-transition")
                .jsonPath("$.currentState").isEqualTo("DISPATCHED")
                .jsonPath("$.allowedActions[0]").isEqualTo("ACCEPT");
    }

    @Test
    void commandWithoutCommandIdThen400AndNothingChanges() {
        TicketView ticket = dispatchedTicket("T01-G01");
        String token = accessToken("worker1");

        http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("note", "no id"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-command");
        http().get().uri("/mobile/v1/tickets/{id}", ticket.id())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED");
    }

    @Test
    void malformedBodyThen400ProblemDetails() {
        http().post().uri("/mobile/v1/tickets/{id}/accept", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
