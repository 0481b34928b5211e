package com.hotlineops.dashboard.console.revisit;

import static com.hotlineops.dashboard.console.TicketFixtures.event;
import static com.hotlineops.dashboard.console.TicketFixtures.item;
import static com.hotlineops.dashboard.console.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.FakeDeskStream;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.console.TicketFixtures;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ViewPackages(packages = "com.hotlineops.dashboard.console")
class RevisitViewTests extends DeskViewTest {

    private final UUID id = UUID.randomUUID();
    private final String number = "20261126000042";

    @BeforeEach
    void revisitTicketWithTwoUnreachableCalls() {
        signIn("revisit1", "REVISIT");
        TicketView waiting = ticket(id, number, TicketStatus.PENDING_REVISIT);
        queue("PENDING_REVISIT", List.of(item(waiting)));
        backend.on("GET", "/api/v1/tickets/" + id, waiting);
        backend.on("GET", "/api/v1/tickets/" + id + "/history", List.of(
                event(6, "AUDIT_PASS", TicketStatus.FEEDBACK_SUBMITTED, TicketStatus.PENDING_REVISIT, null),
                event(7, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT,
                        "UNREACHABLE (attempt 1)"),
                event(8, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT,
                        "UNREACHABLE (attempt 2)")));
        backend.on("GET", "/api/v1/tickets/" + id + "/sla", List.of());
        backend.on("GET", "/api/v1/org/units", TicketFixtures.unitList());
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<RevisitResult> result() {
        return $(RadioButtonGroup.class).withId("revisit-result").single();
    }

    @Test
    void selectedThenAttemptsSoFarAndRecordNeedsAResult() {
        navigate(RevisitView.class);

        test($(Grid.class).withId("revisit-queue-grid").single()).select(0);

        assertThat($(Span.class).withId("revisit-attempts").single().getText())
                .isEqualTo("已回访未接通 2 次（第 3 次未接通即办结）");
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isFalse();
        test(result()).selectItem("满意");
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isTrue();
    }

    @Test
    void satisfiedWithNoteThenRecordedAndTheQueueReadAgain() {
        backend.on("POST", "/api/v1/tickets/" + id + "/revisit", ticket(id, number, TicketStatus.CLOSED));
        navigate(RevisitView.class);
        test($(Grid.class).withId("revisit-queue-grid").single()).select(0);
        test(result()).selectItem("满意");
        test($(TextArea.class).withId("revisit-note").single()).setValue("市民表示已恢复供水");
        int listedBefore = backend.requests("GET", "/api/v1/tickets").size();

        test($(Button.class).withId("revisit-record").single()).click();

        var sent = backend.requests("POST", "/api/v1/tickets/" + id + "/revisit").getFirst().json();
        assertThat(sent.path("result").asString()).isEqualTo("SATISFIED");
        assertThat(sent.path("note").asString()).isEqualTo("市民表示已恢复供水");
        assertThat(notifications()).containsExactly("工单 " + number + "，满意：已办结");
        assertThat(backend.requests("GET", "/api/v1/tickets")).hasSize(listedBefore + 1);
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isFalse();
    }

    @Test
    void nothingSelectedThenNoResultCanBeChosen() {
        navigate(RevisitView.class);

        assertThat(result().isEnabled()).isFalse();
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isFalse();
    }

    @Test
    void passedAuditElsewhereThenShownLiveAndWhenAnotherCallClosedTheSelectedOneSaidSoAndLeavingCancels() {
        navigate(RevisitView.class);
        FakeDeskStream.Subscription subscription = stream.awaitSubscription(Desk.REVISIT, 1);
        assertThat(subscription.token()).isEqualTo("access-revisit1");
        subscription.opened();
        eventually(() -> assertThat($(Span.class).withId("revisit-live").single().getElement()
                .getAttribute("data-link")).isEqualTo("live"));
        var grid = test($(Grid.class).withId("revisit-queue-grid").single());
        grid.select(0);
        test(result()).selectItem("满意");
        UUID other = UUID.randomUUID();

        queue("PENDING_REVISIT", List.of(item(ticket(id, number, TicketStatus.PENDING_REVISIT)),
                item(ticket(other, "20261126000043", TicketStatus.PENDING_REVISIT))));
        subscription.changed(other, TicketStatus.PENDING_REVISIT, 6);
        eventually(() -> assertThat(grid.size()).isEqualTo(2));
        assertThat($(Span.class).withId("revisit-attempts").single().getText()).as("still on the selected ticket")
                .isEqualTo("已回访未接通 2 次（第 3 次未接通即办结）");
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isTrue();

        queue("PENDING_REVISIT", List.of(item(ticket(other, "20261126000043", TicketStatus.PENDING_REVISIT))));
        subscription.changed(id, TicketStatus.CLOSED, 9);
        eventually(() -> assertThat(grid.size()).isEqualTo(1));
        assertThat($(Span.class).withId("revisit-queue-left").single().getText())
                .isEqualTo("工单 " + number + " 已离开本队列：已由他人处理，现为“已办结”。");
        assertThat($(Button.class).withId("revisit-record").single().isEnabled()).isFalse();
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/revisit")).isEmpty();

        navigate(HomeView.class);
        await().atMost(Duration.ofSeconds(10)).until(subscription::cancelled);
    }
}
