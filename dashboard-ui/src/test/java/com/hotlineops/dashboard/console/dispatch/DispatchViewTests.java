package com.hotlineops.dashboard.console.dispatch;

import static com.hotlineops.dashboard.console.TicketFixtures.item;
import static com.hotlineops.dashboard.console.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketPage;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.FakeDeskBackend;
import com.hotlineops.dashboard.console.FakeDeskStream;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.console.TicketFixtures;
import com.hotlineops.dashboard.console.ticket.DeskLink;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's queues without a browser, against a stand-in backend. */
@ViewPackages(packages = "com.hotlineops.dashboard.console")
class DispatchViewTests extends DeskViewTest {

    private final UUID id = UUID.randomUUID();
    private final String number = "20261126000042";

    @BeforeEach
    void dispatcherAtTheDesk() {
        signIn("dispatcher1", "DISPATCHER");
        backend.on("GET", "/api/v1/org/units", TicketFixtures.unitList());
    }

    private void ticketIs(TicketView t) {
        backend.on("GET", "/api/v1/tickets/" + t.id(), t);
        backend.on("GET", "/api/v1/tickets/" + t.id() + "/history", List.of());
        backend.on("GET", "/api/v1/tickets/" + t.id() + "/sla", List.of());
    }

    private void selectFirst(String gridId) {
        test($(Grid.class).withId(gridId).single()).select(0);
    }

    @Test
    void openedThenEachQueueAskedOldestFirstTwentyAPage() {
        navigate(DispatchView.class);

        List<Map<String, String>> queries = backend.requests("GET", "/api/v1/tickets").stream()
                .map(FakeDeskBackend.Request::query).toList();
        assertThat(queries).contains(
                Map.of("status", "PENDING_DISPATCH", "sort", "CREATED", "limit", "20"),
                Map.of("status", "RETURN_REQUESTED", "sort", "CREATED", "limit", "20"),
                Map.of("status", "ACCEPTED", "extensionPending", "true", "sort", "CREATED", "limit", "20"));
    }

    @Test
    void nextPageThenAskedWithTheCursorAndPreviousGoesBackToTheFirstPage() {
        TicketListItem first = item(ticket(UUID.randomUUID(), "20261126000001", TicketStatus.PENDING_DISPATCH));
        TicketListItem second = item(ticket(UUID.randomUUID(), "20261126000002", TicketStatus.PENDING_DISPATCH));
        backend.on("GET", "/api/v1/tickets", request -> new FakeDeskBackend.Answer(200,
                "PENDING_DISPATCH".equals(request.query().get("status"))
                        ? "c2".equals(request.query().get("cursor")) ? new TicketPage(List.of(second), null)
                                : new TicketPage(List.of(first), "c2")
                        : new TicketPage(List.of(), null)));
        navigate(DispatchView.class);
        assertThat($(Span.class).withId("dispatch-queue-page").single().getText()).isEqualTo("第 1 页，1 件");
        assertThat($(Button.class).withId("dispatch-queue-previous").single().isEnabled()).isFalse();

        test($(Button.class).withId("dispatch-queue-next").single()).click();

        assertThat(backend.requests("GET", "/api/v1/tickets").getLast().query()).containsEntry("cursor", "c2");
        assertThat(test($(Grid.class).withId("dispatch-queue-grid").single()).getRow(0)).isEqualTo(second);
        assertThat($(Button.class).withId("dispatch-queue-next").single().isEnabled()).as("last page").isFalse();
        test($(Button.class).withId("dispatch-queue-previous").single()).click();
        assertThat(backend.requests("GET", "/api/v1/tickets").getLast().query()).doesNotContainKey("cursor");
        assertThat($(Span.class).withId("dispatch-queue-page").single().getText()).isEqualTo("第 1 页，1 件");
    }

    @Test
    void dispatchThenToTheChosenTownshipWithTheNoteAndTheQueueReadAgain() {
        TicketView waiting = ticket(id, number, TicketStatus.PENDING_DISPATCH);
        queue("PENDING_DISPATCH", List.of(item(waiting)));
        ticketIs(waiting);
        backend.on("POST", "/api/v1/tickets/" + id + "/dispatch", ticket(id, number, TicketStatus.DISPATCHED));
        navigate(DispatchView.class);
        selectFirst("dispatch-queue-grid");
        assertThat($(Button.class).withId("dispatch-button").single().isEnabled()).as("no unit yet").isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<TicketApi.Unit> unit = $(ComboBox.class).withId("dispatch-unit").single();
        assertThat(test(unit).getSuggestions()).as("townships/streets and departments only")
                .containsExactly("城关街道 · 乡镇街道", "东湖镇 · 乡镇街道", "住房和城乡建设局 · 部门");
        test(unit).selectItem("城关街道 · 乡镇街道");
        @SuppressWarnings("unchecked")
        ComboBox<TicketApi.Unit> grid = $(ComboBox.class).withId("dispatch-grid").single();
        assertThat(test(grid).getSuggestions()).containsExactly("城关街道第一网格");
        test($(TextArea.class).withId("dispatch-note").single()).setValue("请尽快联系供水公司");
        int listedBefore = backend.requests("GET", "/api/v1/tickets").size();
        test($(Button.class).withId("dispatch-button").single()).click();

        FakeDeskBackend.Request dispatch = backend.requests("POST", "/api/v1/tickets/" + id + "/dispatch").getFirst();
        assertThat(dispatch.json().path("unitId").asString()).isEqualTo(TicketFixtures.CHENGGUAN.toString());
        assertThat(dispatch.json().path("gridId").isNull()).isTrue();
        assertThat(dispatch.json().path("note").asString()).isEqualTo("请尽快联系供水公司");
        assertThat(notifications()).containsExactly("工单 " + number + " 已派至城关街道：待签收");
        assertThat(backend.requests("GET", "/api/v1/tickets")).hasSize(listedBefore + 1);
    }

    @Test
    void returnRejectedWithoutReasonThenRefusedAtTheFieldWithOneThenSent() {
        TicketView returned = ticket(id, number, TicketStatus.RETURN_REQUESTED);
        queue("RETURN_REQUESTED", List.of(item(returned)));
        ticketIs(returned);
        backend.on("POST", "/api/v1/tickets/" + id + "/return/reject", ticket(id, number, TicketStatus.DISPATCHED));
        navigate(DispatchView.class);
        test($(TabSheet.class).withId("dispatch-tabs").single()).select(1);
        selectFirst("return-queue-grid");
        assertThat($(Button.class).withId("return-yes").single().isEnabled()).isTrue();

        test($(Button.class).withId("return-no").single()).click();
        assertThat($(TextArea.class).withId("return-reason").single().isInvalid()).isTrue();
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/return/reject")).isEmpty();

        test($(TextArea.class).withId("return-reason").single()).setValue("属于本街道职责");
        test($(Button.class).withId("return-no").single()).click();

        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/return/reject")).singleElement()
                .extracting(r -> r.json().path("reason").asString()).isEqualTo("属于本街道职责");
    }

    @Test
    void extensionApprovedThenSentAndRefusalShowsTheBackendsReason() {
        TicketView asked = ticket(id, number, TicketStatus.ACCEPTED,
                new TicketOverlays(List.of(), null, null, 3, "需要协调供水公司", 0, null, null, null));
        queue("ACCEPTED", List.of(item(asked)));
        ticketIs(asked);
        backend.problem("POST", "/api/v1/tickets/" + id + "/extension/approve", 409,
                "No extension is waiting on ticket " + number);
        navigate(DispatchView.class);
        test($(TabSheet.class).withId("dispatch-tabs").single()).select(2);
        selectFirst("extension-queue-grid");
        assertThat($(Span.class).withClassName("desk-chip").all()).extracting(Span::getText)
                .contains("申请延期 3 个工作日：需要协调供水公司");

        test($(Button.class).withId("extension-yes").single()).click();

        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/extension/approve")).hasSize(1);
        assertThat(notifications()).containsExactly("No extension is waiting on ticket " + number);
    }

    @Test
    void acceptedTicketWithoutExtensionRequestThenNoExtensionDecision() {
        TicketView plain = ticket(id, number, TicketStatus.ACCEPTED);
        queue("ACCEPTED", List.of(item(plain)));
        ticketIs(plain);
        navigate(DispatchView.class);
        test($(TabSheet.class).withId("dispatch-tabs").single()).select(2);

        selectFirst("extension-queue-grid");

        assertThat($(Button.class).withId("extension-yes").single().isEnabled()).isFalse();
        assertThat($(Button.class).withId("extension-no").single().isEnabled()).isFalse();
    }

    // --- live queue (decision 0044) --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Grid<TicketListItem> dispatchGrid() {
        return $(Grid.class).withId("dispatch-queue-grid").single();
    }

    private List<String> numbers() {
        var grid = test(dispatchGrid());
        return java.util.stream.IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).ticket().number())
                .toList();
    }

    private String linkState() {
        return $(Span.class).withId("dispatch-live").single().getElement().getAttribute("data-link");
    }

    /** The dispatch queue opened with these tickets waiting, its stream open and the view saying so. */
    private FakeDeskStream.Subscription openLive(TicketListItem... waiting) {
        queue("PENDING_DISPATCH", List.of(waiting));
        navigate(DispatchView.class);
        FakeDeskStream.Subscription subscription = stream.awaitSubscription(Desk.DISPATCH, 1);
        long reads = queueReads("PENDING_DISPATCH");
        subscription.opened();
        eventually(() -> {
            assertThat(linkState()).isEqualTo("live");
            assertThat(queueReads("PENDING_DISPATCH")).as("read again once the stream is open").isGreaterThan(reads);
        });
        return subscription;
    }

    @Test
    void ticketArrivingElsewhereThenShownWithoutTheDispatcherDoingAnything() {
        FakeDeskStream.Subscription subscription = openLive();
        assertThat(subscription.token()).isEqualTo("access-dispatcher1");
        assertThat(stream.rejections()).isEmpty();
        assertThat($(Span.class).withId("dispatch-live").single().getText()).isEqualTo("实时更新：新到和变化的工单自动显示。");
        assertThat(numbers()).isEmpty();

        UUID arrived = UUID.randomUUID();
        queue("PENDING_DISPATCH", List.of(item(ticket(arrived, "20261126000077", TicketStatus.PENDING_DISPATCH))));
        subscription.changed(arrived, TicketStatus.PENDING_DISPATCH, 1);

        eventually(() -> assertThat(numbers()).containsExactly("20261126000077"));
        assertThat(UI.getCurrent().getPollInterval()).as("pushed, not polled").isEqualTo(-1);
        assertThat(stream.subscriptions(Desk.DISPATCH)).hasSize(1);
    }

    @Test
    void selectedTicketStillWaitingThenSelectionAndNoteKeptAndWhenSomeoneElseDispatchedItSaidSo() {
        TicketView waiting = ticket(id, number, TicketStatus.PENDING_DISPATCH);
        ticketIs(waiting);
        FakeDeskStream.Subscription subscription = openLive(item(waiting));
        selectFirst("dispatch-queue-grid");
        test($(TextArea.class).withId("dispatch-note").single()).setValue("请尽快联系供水公司");
        UUID other = UUID.randomUUID();

        queue("PENDING_DISPATCH", List.of(item(waiting),
                item(ticket(other, "20261126000078", TicketStatus.PENDING_DISPATCH))));
        subscription.changed(other, TicketStatus.PENDING_DISPATCH, 1);

        eventually(() -> assertThat(numbers()).containsExactly(number, "20261126000078"));
        assertThat(dispatchGrid().getSelectedItems()).extracting(i -> i.ticket().id()).containsExactly(id);
        assertThat($(TextArea.class).withId("dispatch-note").single().getValue()).isEqualTo("请尽快联系供水公司");
        assertThat($(Span.class).withId("dispatch-queue-left").exists()).as("nothing left").isFalse();

        queue("PENDING_DISPATCH", List.of(item(ticket(other, "20261126000078", TicketStatus.PENDING_DISPATCH))));
        subscription.changed(id, TicketStatus.DISPATCHED, 4);

        eventually(() -> assertThat(numbers()).containsExactly("20261126000078"));
        assertThat($(Span.class).withId("dispatch-queue-left").single().getText()).isEqualTo("工单 " + number + " 已离开本队列：已由他人处理，现为“待签收”。");
        assertThat(dispatchGrid().getSelectedItems()).isEmpty();
        assertThat($(Button.class).withId("dispatch-button").single().isEnabled()).isFalse();

        selectFirst("dispatch-queue-grid");
        assertThat($(Span.class).withId("dispatch-queue-left").exists()).as("the user went on").isFalse();
    }

    @Test
    void burstOfChangesThenTheQueueReadAtMostOncePerSecond() {
        FakeDeskStream.Subscription subscription = openLive();
        long reads = queueReads("PENDING_DISPATCH");
        List<TicketListItem> arriving = new java.util.ArrayList<>();

        for (int i = 1; i <= 30; i++) {
            UUID t = UUID.randomUUID();
            arriving.add(item(ticket(t, "202611260001%02d".formatted(i), TicketStatus.PENDING_DISPATCH)));
            queue("PENDING_DISPATCH", List.copyOf(arriving));
            subscription.changed(t, TicketStatus.PENDING_DISPATCH, 1);
        }

        eventually(() -> assertThat(numbers()).hasSize(30));
        // thirty changes at once: one read now or one when the second is up, and perhaps the other as well
        await().pollInSameThread().during(DeskLink.REFRESH_EVERY.multipliedBy(2))
                .atMost(DeskLink.REFRESH_EVERY.multipliedBy(4)).until(() -> {
                    runUiAccess();
                    return queueReads("PENDING_DISPATCH") - reads <= 2;
                });
    }

    @Test
    void streamEndedByTheBackendThenStaleShownAndTheQueueReadAgainOnceSubscribedAgain() {
        FakeDeskStream.Subscription first = openLive(item(ticket(id, number, TicketStatus.PENDING_DISPATCH)));

        first.fail("Too far behind the DISPATCH desk's changes; subscribe again and read the queue afresh");

        eventually(() -> assertThat(linkState()).isEqualTo("reconnecting"));
        assertThat($(Span.class).withId("dispatch-live").single().getText()).contains("正在重新连接");
        assertThat(dispatchGrid().hasClassName("desk-queue-stale")).isTrue();
        assertThat(numbers()).as("the last page stays, marked as old").containsExactly(number);

        FakeDeskStream.Subscription second = stream.awaitSubscription(Desk.DISPATCH, 2);
        assertThat(second.token()).isEqualTo("access-dispatcher1");
        queue("PENDING_DISPATCH", List.of());
        second.opened();

        eventually(() -> {
            assertThat(linkState()).isEqualTo("live");
            assertThat(numbers()).as("changes may have been missed meanwhile").isEmpty();
        });
        assertThat(dispatchGrid().hasClassName("desk-queue-stale")).isFalse();
    }

    @Test
    void dispatchLeftThenItsSubscriptionCancelled() {
        FakeDeskStream.Subscription subscription = openLive();

        navigate(HomeView.class);

        await().atMost(Duration.ofSeconds(10)).until(subscription::cancelled);
        assertThat(stream.subscriptions(Desk.DISPATCH)).hasSize(1);
    }
}
