package com.hotlineops.server.marktrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.marktrack.ClearToZeroBoard;
import com.hotlineops.contract.marktrack.TagRequest;
import com.hotlineops.contract.marktrack.UnitProgress;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Mark &amp; track and the clear-to-zero board (DESIGN.md §2.6) on real PostgreSQL. */
class MarkTrackIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private WebTestClient.ResponseSpec post(String user, UUID ticket, String action, Object body) {
        var spec = http.post().uri("/api/v1/tickets/" + ticket + "/" + action).headers(h -> h.setBearerAuth(bearer(user)));
        return (body == null ? spec : spec.bodyValue(body)).exchange();
    }

    private TicketView ok(String user, UUID ticket, String action, Object body) {
        return post(user, ticket, action, body).expectStatus().isOk().expectBody(TicketView.class).returnResult()
                .getResponseBody();
    }

    private UUID dispatchedToT01() {
        UUID id = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(Channel.WEB_MESSAGE, null, new Citizen(null, null), "承诺三日内修复路灯",
                        "路灯损坏", null, null, null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
        ok("dispatcher1", id, "dispatch", new DispatchRequest(T01, null, null));
        return id;
    }

    private void handleToRevisit(UUID id) {
        post("handler-t01", id, "accept", new DeskCommand(UUID.randomUUID(), null)).expectStatus().isOk();
        post("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "已修复")).expectStatus().isOk();
        ok("auditor1", id, "audit/pass", null);
    }

    private ClearToZeroBoard board(String user) {
        return http.get().uri("/api/v1/mark-track/board").headers(h -> h.setBearerAuth(bearer(user))).exchange()
                .expectStatus().isOk().expectBody(ClearToZeroBoard.class).returnResult().getResponseBody();
    }

    private UnitProgress t01(ClearToZeroBoard b) {
        return b.units().stream().filter(u -> T01.equals(u.unitId())).findFirst()
                .orElse(new UnitProgress(T01, "城关街道", 0, 0, 0));
    }

    @Test
    void promisedTicketCountsOpenUntilClosedThenCleared() {
        UnitProgress before = t01(board("supervisor1"));
        UUID id = dispatchedToT01();
        ok("agent1", id, "tags", new TagRequest("PROMISED", "承诺三日内修复"));

        ClearToZeroBoard during = board("supervisor1");
        assertThat(t01(during).tagged()).isEqualTo(before.tagged() + 1);
        assertThat(t01(during).open()).isEqualTo(before.open() + 1);
        assertThat(t01(during).unitName()).isEqualTo("城关街道");
        assertThat(during.open()).isEqualTo(during.tagged() - during.cleared());

        handleToRevisit(id);
        ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, null));
        UnitProgress after = t01(board("wall"));
        assertThat(after.tagged()).isEqualTo(before.tagged() + 1);
        assertThat(after.cleared()).isEqualTo(before.cleared() + 1);
        assertThat(after.open()).isEqualTo(before.open());
    }

    @Test
    void unsatisfiedRevisitTagsTheTicketOntoTheBoard() {
        UUID id = dispatchedToT01();
        handleToRevisit(id);
        UnitProgress before = t01(board("supervisor1"));
        ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.UNSATISFIED, "仍未解决"));
        assertThat(t01(board("supervisor1")).open()).isEqualTo(before.open() + 1);
    }

    @Test
    void taggingTwiceChangesNothingTheSecondTime() {
        UUID id = dispatchedToT01();
        TicketView first = ok("dispatcher1", id, "tags", new TagRequest("PROMISED", null));
        TicketView again = ok("dispatcher1", id, "tags", new TagRequest("PROMISED", null));
        assertThat(again.version()).isEqualTo(first.version());
    }

    @Test
    void taggingWithUnknownTagIsBadRequestClosedTicketIsConflictAndRevisitStaffIsForbidden() {
        UUID id = dispatchedToT01();
        post("agent1", id, "tags", new TagRequest("URGENT", null)).expectStatus().isBadRequest();
        post("revisit1", id, "tags", new TagRequest("PROMISED", null)).expectStatus().isForbidden();
        handleToRevisit(id);
        ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, null));
        post("agent1", id, "tags", new TagRequest("PROMISED", null)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("CLOSED");
    }

    @Test
    void boardForAnAgentIsForbiddenAndABadMonthIsBadRequest() {
        http.get().uri("/api/v1/mark-track/board").headers(h -> h.setBearerAuth(bearer("agent1"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/mark-track/board?month=2026-13").headers(h -> h.setBearerAuth(bearer("supervisor1")))
                .exchange().expectStatus().isBadRequest();
        ClearToZeroBoard past = http.get().uri("/api/v1/mark-track/board?month=2020-01")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(ClearToZeroBoard.class).returnResult().getResponseBody();
        assertThat(past.month()).isEqualTo("2020-01");
        assertThat(past.tagged()).isZero();
    }
}
