package com.hotlineops.dashboard.console.audit;

import static com.hotlineops.dashboard.console.TicketFixtures.event;
import static com.hotlineops.dashboard.console.TicketFixtures.item;
import static com.hotlineops.dashboard.console.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.FakeDeskStream;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.console.TicketFixtures;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ViewPackages(packages = "com.hotlineops.dashboard.console")
class AuditViewTests extends DeskViewTest {

    private final UUID id = UUID.randomUUID();
    private final String number = "20261126000042";

    private void finishedTicketWaiting() {
        TicketView finished = ticket(id, number, TicketStatus.FEEDBACK_SUBMITTED);
        queue("FEEDBACK_SUBMITTED", List.of(item(finished)));
        backend.on("GET", "/api/v1/tickets/" + id, finished);
        backend.on("GET", "/api/v1/tickets/" + id + "/history", List.of(
                event(1, "RECEIVED", null, TicketStatus.RECEIVED, "intake via HOTLINE"),
                event(5, "FINISH", TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, "已恢复供水")));
        backend.on("GET", "/api/v1/tickets/" + id + "/sla", List.of());
        backend.on("GET", "/api/v1/org/units", TicketFixtures.unitList());
    }

    @Test
    void selectedThenItsHistoryAndPassSendsItOnToRevisit() {
        signIn("auditor1", "AUDITOR");
        finishedTicketWaiting();
        backend.on("POST", "/api/v1/tickets/" + id + "/audit/pass", ticket(id, number, TicketStatus.PENDING_REVISIT));
        navigate(AuditView.class);
        assertThat(backend.requests("GET", "/api/v1/tickets").getFirst().query())
                .containsEntry("status", "FEEDBACK_SUBMITTED").containsEntry("sort", "CREATED");

        test($(Grid.class).withId("audit-queue-grid").single()).select(0);

        GridTester<Grid<TicketEventView>, TicketEventView> history = test($(Grid.class).withId("ticket-history").single());
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.getCellText(1, 4)).isEqualTo("已恢复供水");
        test($(Button.class).withId("audit-yes").single()).click();
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/audit/pass")).hasSize(1);
        assertThat(notifications()).containsExactly("工单 " + number + "：待回访");
        assertThat($(Button.class).withId("audit-yes").single().isEnabled()).as("nothing selected now").isFalse();
    }

    @Test
    void rejectWithoutReasonThenNothingSentWithReasonBackToTheHandler() {
        signIn("auditor1", "AUDITOR");
        finishedTicketWaiting();
        backend.on("POST", "/api/v1/tickets/" + id + "/audit/reject", ticket(id, number, TicketStatus.ACCEPTED));
        navigate(AuditView.class);
        test($(Grid.class).withId("audit-queue-grid").single()).select(0);

        test($(Button.class).withId("audit-no").single()).click();
        assertThat($(TextArea.class).withId("audit-reason").single().getErrorMessage()).isEqualTo("请填写理由");
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/audit/reject")).isEmpty();

        test($(TextArea.class).withId("audit-reason").single()).setValue("未附现场照片");
        test($(Button.class).withId("audit-no").single()).click();

        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/audit/reject")).singleElement()
                .extracting(r -> r.json().path("reason").asString()).isEqualTo("未附现场照片");
    }

    @Test
    void auditorThenAuditInTheMenuButNoDispatchOrRevisit() {
        signIn("auditor1", "AUDITOR");
        finishedTicketWaiting();

        navigate(AuditView.class);

        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("审核").doesNotContain("派单", "回访", "话务台");
    }

    @Test
    void feedbackSubmittedElsewhereThenShownLiveAndWhenAnotherAuditorPassedItSaidSoAndLeavingCancels() {
        signIn("auditor1", "AUDITOR");
        finishedTicketWaiting();
        queue("FEEDBACK_SUBMITTED", List.of());
        navigate(AuditView.class);
        FakeDeskStream.Subscription subscription = stream.awaitSubscription(Desk.AUDIT, 1);
        assertThat(subscription.token()).isEqualTo("access-auditor1");
        subscription.opened();
        eventually(() -> assertThat($(Span.class).withId("audit-live").single().getElement()
                .getAttribute("data-link")).isEqualTo("live"));
        GridTester<Grid<?>, ?> grid = test($(Grid.class).withId("audit-queue-grid").single());
        assertThat(grid.size()).isZero();

        queue("FEEDBACK_SUBMITTED", List.of(item(ticket(id, number, TicketStatus.FEEDBACK_SUBMITTED))));
        subscription.changed(id, TicketStatus.FEEDBACK_SUBMITTED, 5);
        eventually(() -> assertThat(grid.size()).isEqualTo(1));
        grid.select(0);
        assertThat($(Button.class).withId("audit-yes").single().isEnabled()).isTrue();

        queue("FEEDBACK_SUBMITTED", List.of());
        subscription.changed(id, TicketStatus.PENDING_REVISIT, 6);
        eventually(() -> assertThat(grid.size()).isZero());
        assertThat($(Span.class).withId("audit-queue-left").single().getText())
                .isEqualTo("工单 " + number + " 已离开本队列：已由他人处理，现为“待回访”。");
        assertThat($(Button.class).withId("audit-yes").single().isEnabled()).isFalse();

        navigate(HomeView.class);
        await().atMost(Duration.ofSeconds(10)).until(subscription::cancelled);
        assertThat(stream.subscriptions(Desk.AUDIT)).hasSize(1);
    }
}
