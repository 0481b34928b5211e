package com.hotlineops.dashboard.console.ticket;

import static com.hotlineops.contract.ticket.TicketStatus.CLOSED;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_DISPATCH;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_REVISIT;
import static com.hotlineops.contract.ticket.TicketStatus.RECEIVED;
import static com.hotlineops.dashboard.console.TicketFixtures.event;
import static com.hotlineops.dashboard.console.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.sla.SlaClockKind;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.FakeDeskBackend;
import com.hotlineops.dashboard.console.TicketFixtures;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared ticket view ({@code tickets/<id>}) without a browser, against a stand-in backend. */
@ViewPackages(packages = "com.hotlineops.dashboard.console")
class TicketDetailViewTests extends DeskViewTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void closedTicketThenStateInChineseMaskedPhoneUnitNameClocksAndFullHistory() {
        signIn("auditor1", "AUDITOR");
        TicketOverlays overlays = new TicketOverlays(List.of("PROMISED"), Instant.parse("2026-11-27T02:00:00Z"),
                null, null, null, 2, null, null, null);
        backend.on("GET", "/api/v1/tickets/" + id, ticket(id, "20261126000123",
                CLOSED, overlays));
        List<TicketEventView> history = List.of(
                event(1, "RECEIVED", null, RECEIVED, "intake via HOTLINE"),
                event(2, "SUBMIT_FOR_DISPATCH", RECEIVED,
                        PENDING_DISPATCH, null),
                event(3, "REVISIT_CLOSE", PENDING_REVISIT,
                        CLOSED, "SATISFIED"));
        backend.on("GET", "/api/v1/tickets/" + id + "/history", history);
        backend.on("GET", "/api/v1/tickets/" + id + "/sla", List.of(new SlaClockView(SlaClockKind.FINISH,
                TicketFixtures.CREATED, TicketFixtures.CREATED.plusSeconds(86400), null,
                TicketFixtures.CREATED.plusSeconds(3600), SlaState.MET)));
        backend.on("GET", "/api/v1/org/units", TicketFixtures.unitList());

        navigate("tickets/" + id, TicketDetailView.class);

        assertThat($(Span.class).withId("ticket-status").single().getText()).isEqualTo("已办结");
        assertThat($(Span.class).withId("ticket-phone").single().getText()).isEqualTo("139****5678");
        assertThat($(Span.class).withId("ticket-unit").single().getText()).isEqualTo("城关街道");
        assertThat($(Span.class).withId("ticket-category").single().getText()).isEqualTo("城乡建设 / 供水");
        // 2026-11-26T01:30Z is 09:30 in Asia/Shanghai, the hotline's clock.
        assertThat($(Span.class).withId("ticket-created").single().getText()).isEqualTo("2026-11-26 09:30");
        assertThat($(Span.class).withClassName("desk-chip").all()).extracting(Span::getText)
                .contains("承诺件", "督办自 2026-11-27 10:00", "已延期 2 个工作日");
        GridTester<Grid<SlaClockView>, SlaClockView> clocks = test($(Grid.class).withId("ticket-clocks").single());
        assertThat(clocks.getCellText(0, 0)).isEqualTo("办结");
        assertThat(clocks.getCellText(0, 1)).isEqualTo("按时");
        GridTester<Grid<TicketEventView>, TicketEventView> rows = test($(Grid.class).withId("ticket-history").single());
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.getCellText(1, 2)).isEqualTo("提交派遣");
        assertThat(rows.getCellText(1, 3)).isEqualTo("已受理 → 待派遣");
        assertThat(rows.getCellText(2, 4)).isEqualTo("SATISFIED");
        assertThat($(Paragraph.class).withId("ticket-missing").exists()).as("hidden").isFalse();
    }

    @Test
    void ticketTheBackendRefusesThenReasonAndNothingElse() {
        signIn("agent1", "AGENT");
        backend.problem("GET", "/api/v1/tickets/" + id, 404, "No ticket " + id);

        navigate("tickets/" + id, TicketDetailView.class);

        assertThat($(Paragraph.class).withId("ticket-missing").single().isVisible()).isTrue();
        assertThat(notifications()).containsExactly("No ticket " + id);
        assertThat(backend.requests("GET", "/api/v1/tickets/" + id + "/history")).isEmpty();
    }

    @Test
    void idThatIsNoUuidThenMissingWithoutAskingTheBackend() {
        signIn("agent1", "AGENT");

        navigate("tickets/not-a-ticket", TicketDetailView.class);

        assertThat($(Paragraph.class).withId("ticket-missing").single().isVisible()).isTrue();
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void requestsCarryTheSignedInUsersToken() {
        signIn("agent1", "AGENT");
        TicketView t = ticket(id, "20261126000001", RECEIVED);
        backend.on("GET", "/api/v1/tickets/" + id, t);

        navigate("tickets/" + id, TicketDetailView.class);

        assertThat($(Span.class).withId("ticket-status").single().getText()).isEqualTo("已受理");
        assertThat(backend.requests("GET", "/api/v1/tickets/" + id)).singleElement()
                .extracting(FakeDeskBackend.Request::authorization).isEqualTo("Bearer access-agent1");
    }
}
