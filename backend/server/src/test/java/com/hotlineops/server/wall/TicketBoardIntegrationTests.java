package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.sla.SlaClockKind;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.core.board.TicketBoardService;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** The tickets board of the wall frame, computed from real PostgreSQL. */
class TicketBoardIntegrationTests extends BackendIntegrationTest {

    @Autowired
    TicketBoardService boards;

    @Autowired
    LiveState live;

    private TicketView dispatched() {
        UUID id = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(new IntakeRequest(Channel.WEB_MESSAGE, null, new Citizen("王五", "13600004444"), "占道经营",
                        "路口流动摊贩占道", null, null, null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
        return http.post().uri("/api/v1/tickets/" + id + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    @Test
    void atItsSignForDeadlineTheTicketIsTheNearestDeadlineAndJustBeforeItAtRisk() {
        TicketView t = dispatched();
        // deadlines still to come include the one falling due this instant; earlier tickets' are past
        TicketBoard board = boards.compute(t.acceptDue()).block(Duration.ofSeconds(30));
        assertThat(board.nearestDeadlines()).first().satisfies(d -> {
            assertThat(d.ticketId()).isEqualTo(t.id());
            assertThat(d.dueAt()).isEqualTo(t.acceptDue());
            assertThat(d.unitName()).isEqualTo("城关街道");
            assertThat(d.atRiskAt()).isEqualTo(signForClock(t.id()).atRiskAt()).isBefore(d.dueAt());
        });
        assertThat(board.nearestDeadlines()).hasSizeLessThanOrEqualTo(20);
        assertThat(boards.compute(t.acceptDue().minusMillis(1)).block(Duration.ofSeconds(30)).openBySlaState())
                .containsKey(SlaState.AT_RISK);
    }

    private SlaClockView signForClock(UUID id) {
        return http.get().uri("/api/v1/tickets/" + id + "/sla")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<SlaClockView>>() { }).returnResult().getResponseBody()
                .stream().filter(c -> c.clock() == SlaClockKind.SIGN_FOR).findFirst().orElseThrow();
    }

    @Test
    void afterItsSignForDeadlineTheTicketCountsOverdueForItsUnit() {
        TicketView t = dispatched();
        // one microsecond apart (the stored precision), so no other ticket's deadline falls in between
        TicketBoard before = boards.compute(t.acceptDue().minusNanos(1_000)).block(Duration.ofSeconds(30));
        TicketBoard after = boards.compute(t.acceptDue()).block(Duration.ofSeconds(30));
        long overdueBefore = before.overdueByUnit().stream().filter(u -> "城关街道".equals(u.unitName()))
                .mapToLong(TicketBoard.UnitCount::count).sum();
        assertThat(after.overdueByUnit()).filteredOn(u -> "城关街道".equals(u.unitName())).singleElement()
                .satisfies(u -> assertThat(u.count()).isEqualTo(overdueBefore + 1));
        assertThat(after.openBySlaState().get(SlaState.OVERDUE)).isPositive();
    }

    @Test
    void wallFrameCarriesTheBoardAndNothingAboutCitizens() {
        dispatched();
        TicketBoard board = live.frame(FrameKind.SNAPSHOT).board();
        assertThat(board).isNotNull();
        assertThat(board.clearToZero()).isNotNull();
        assertThat(board.toString()).doesNotContain("13600004444").doesNotContain("王五");
    }
}
