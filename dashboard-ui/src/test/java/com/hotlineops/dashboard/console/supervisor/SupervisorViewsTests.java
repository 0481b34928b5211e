package com.hotlineops.dashboard.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.dashboard.console.FakeBackend;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.console.SignedIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor console without a browser, against a stand-in backend that records what the views ask: the filters
 * become the backend's query, the backend's refusals are shown as they come, the shift form checks its input before
 * anything is sent, and the callback queue follows a stand-in of the backend's {@code callbacks.tasks} stream.
 */
@SpringBootTest
@ViewPackages(classes = {HomeView.class, SlaBoardView.class, CallbackQueueView.class, MarkTrackView.class,
        ShiftScheduleView.class})
class SupervisorViewsTests extends SpringBrowserlessTest {

    private static final FakeBackend BACKEND = new FakeBackend();
    private static final FakeCallbackStream STREAM = new FakeCallbackStream();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CHENGGUAN = "6f1c6e8e-0000-3000-8000-000000000001";
    private static final String OVERDUE_TICKET = "11111111-1111-4111-8111-111111111111";
    private static final String AT_RISK_TICKET = "22222222-2222-4222-8222-222222222222";
    private static final String TASK = "33333333-3333-4333-8333-333333333333";
    private static final String DIRECTOR = "44444444-4444-4444-8444-444444444444";

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", BACKEND::port);
        registry.add("hotline.backend.rsocket-port", STREAM::port);
        registry.add("hotline.backend.reconnect-first-backoff", () -> "100ms");
        registry.add("hotline.backend.reconnect-max-backoff", () -> "500ms");
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
        STREAM.close();
    }

    @BeforeEach
    void backendWithTheDemoOrganisation() {
        BACKEND.reset();
        STREAM.reset();
        BACKEND.json("GET /api/v1/org/units", """
                [{"id":"%s","parentId":null,"kind":"TOWNSHIP","code":"T01","name":"城关街道"},
                 {"id":"%s","parentId":"%s","kind":"GRID","code":"T01-G01","name":"城关街道第一网格"}]"""
                .formatted(CHENGGUAN, UUID.randomUUID(), CHENGGUAN));
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[],\"nextCursor\":null}");
        signIn("supervisor1", "SUPERVISOR");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Signed in, and the context kept in the HTTP session as Spring Security's login keeps it: there Vaadin's context
     * strategy finds it for what the callback queue runs in {@code ui.access} from the stream's threads.
     */
    static void signIn(String username, String... roles) {
        SignedIn.as(username, roles);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
    }

    private static String row(String id, String number, String sla, Instant due, String tags, boolean supervised) {
        return """
                {"ticket":{"id":"%s","number":"%s","channel":"HOTLINE","status":"DISPATCHED","grade":"STANDARD",
                  "title":"井盖缺失","content":"x","citizenPhoneMasked":"139****5678","unitId":"%s","createdAt":"%s",
                  "version":3,"overlays":{"tags":[%s],"supervisedAt":%s,"extendedDays":0}},
                 "unitName":"城关街道","sla":"%s","nextDue":"%s"}"""
                .formatted(id, number, CHENGGUAN, due.minus(Duration.ofDays(2)), tags,
                        supervised ? "\"" + due.minus(Duration.ofHours(1)) + "\"" : "null", sla, due);
    }

    // --- SLA board -------------------------------------------------------------------------------------------------

    @Test
    void boardOpenedThenOpenTicketsNearestDeadlineFirstWithTheSupervisorsToken() {
        navigate(SlaBoardView.class);

        FakeBackend.Request request = BACKEND.last("GET", "/api/v1/tickets");
        assertThat(request.query()).containsEntry("sort", "DUE").containsEntry("limit", "50")
                .doesNotContainKeys("sla", "unitId", "tag", "supervised", "q", "cursor");
        assertThat(request.query().get("status").split(",")).containsExactlyInAnyOrder("RECEIVED",
                "PENDING_DISPATCH", "DISPATCHED", "RETURN_REQUESTED", "ACCEPTED", "FEEDBACK_SUBMITTED",
                "PENDING_REVISIT");
    }

    @Test
    void filtersChosenThenSentAsTheBackendQuery() {
        navigate(SlaBoardView.class);

        test($(Select.class).withId("sla-filter-state").single()).selectItem("已超期");
        test($(ComboBox.class).withId("sla-filter-unit").single()).selectItem("城关街道");
        test($(Select.class).withId("sla-filter-tag").single()).selectItem("不满意件");
        test($(Select.class).withId("sla-filter-supervised").single()).selectItem("未督办");
        test($(TextField.class).withId("sla-filter-text").single()).setValue(" 井盖 & 路灯+ ");
        test($(Button.class).withId("sla-search").single()).click();

        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("sla", "OVERDUE")
                .containsEntry("unitId", CHENGGUAN).containsEntry("tag", "UNSATISFIED")
                .containsEntry("supervised", "false").containsEntry("q", "井盖 & 路灯+")
                .containsEntry("sort", "DUE");
        assertThat($(ComboBox.class).withId("sla-filter-unit").single().getListDataView().getItems())
                .as("only units that receive tickets").hasSize(1);
    }

    @Test
    void overdueAndSupervisedTabsThenThoseViewsOfTheBoard() {
        navigate(SlaBoardView.class);
        Tabs tabs = $(Tabs.class).withId("sla-tabs").single();

        test(tabs).select(2);
        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("sla", "OVERDUE")
                .doesNotContainKey("supervised");

        test(tabs).select(3);
        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("supervised", "true")
                .doesNotContainKey("sla");

        UI.getCurrent().navigate("supervisor/sla", QueryParameters.of("view", "at-risk"));
        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("sla", "AT_RISK");
    }

    @Test
    void rowsThenOverdueRedAtRiskAmberCountdownAndLinkToTheTicket() {
        Instant overdueSince = Instant.now().minus(Duration.ofMinutes(90)).minusSeconds(5);
        Instant atRiskDue = Instant.now().plus(Duration.ofHours(26)).plusSeconds(30);
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(OVERDUE_TICKET, "20261126000001", "OVERDUE",
                overdueSince, "\"UNSATISFIED\"", true) + "," + row(AT_RISK_TICKET, "20261126000002", "AT_RISK",
                atRiskDue, "", false) + "],\"nextCursor\":null}");

        navigate(SlaBoardView.class);

        var grid = test((Grid<BoardRow>) $(Grid.class).withId("sla-grid").single());
        assertThat(grid.size()).isEqualTo(2);
        Anchor link = (Anchor) grid.getCellComponent(0, 0);
        assertThat(link.getHref()).isEqualTo("tickets/" + OVERDUE_TICKET);
        assertThat(link.getText()).isEqualTo("20261126000001");
        assertThat(((Span) grid.getCellComponent(0, 4)).getClassNames()).contains("supervisor-sla-overdue");
        assertThat(((Span) grid.getCellComponent(1, 4)).getClassNames()).contains("supervisor-sla-at-risk");
        // 90 min 5 s overdue, 26 h 0 min 30 s left: minutes are cut, not rounded
        assertThat(grid.getCellText(0, 6)).isEqualTo("超时 1小时30分");
        assertThat(grid.getCellText(1, 6)).isEqualTo("剩余 1天2小时");
        assertThat(grid.getCellText(0, 7)).isEqualTo("不满意件");
        assertThat(grid.getCellText(0, 8)).isEqualTo("已督办");
        assertThat(grid.getCellText(1, 8)).isEmpty();
        var parts = grid.getComponent().getPartNameGenerator();
        assertThat(parts.apply(grid.getRow(0))).isEqualTo("sla-overdue");
        assertThat(parts.apply(grid.getRow(1))).isEqualTo("sla-at-risk");
    }

    @Test
    void nextCursorThenMoreAppendsTheFollowingPage() {
        Instant due = Instant.now().plus(Duration.ofHours(5));
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(OVERDUE_TICKET, "20261126000001", "ON_TRACK", due,
                "", false) + "],\"nextCursor\":\"c+1/x\"}");
        navigate(SlaBoardView.class);
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(AT_RISK_TICKET, "20261126000002", "ON_TRACK",
                due.plusSeconds(60), "", false) + "],\"nextCursor\":null}");

        Button more = $(Button.class).withId("sla-more").single();
        assertThat(more.isVisible()).isTrue();
        test(more).click();

        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("cursor", "c+1/x");
        var grid = test((Grid<BoardRow>) $(Grid.class).withId("sla-grid").single());
        assertThat(List.of(grid.getRow(0).ticket().number(), grid.getRow(1).ticket().number()))
                .containsExactly("20261126000001", "20261126000002");
        assertThat(more.isVisible()).isFalse();
    }

    @Test
    void superviseWithoutReasonThenNothingSentWithReasonThenPostedAndBoardReloaded() {
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(OVERDUE_TICKET, "20261126000001", "OVERDUE",
                Instant.now().minusSeconds(600), "", false) + "],\"nextCursor\":null}");
        BACKEND.json("POST /api/v1/tickets/" + OVERDUE_TICKET + "/supervise", "{}");
        navigate(SlaBoardView.class);
        Button supervise = $(Button.class).withId("sla-supervise").single();
        assertThat(supervise.isEnabled()).isFalse();

        test((Grid<BoardRow>) $(Grid.class).withId("sla-grid").single()).select(0);
        test(supervise).click();
        test($(Button.class).withId("supervise-confirm").single()).click();
        assertThat(BACKEND.requests("POST", "/api/v1/tickets/" + OVERDUE_TICKET + "/supervise")).isEmpty();
        assertThat($(TextArea.class).withId("supervise-reason").single().isInvalid()).isTrue();

        int loads = BACKEND.requests("GET", "/api/v1/tickets").size();
        test($(TextArea.class).withId("supervise-reason").single()).setValue("超时一天半，请街道今日反馈");
        test($(Button.class).withId("supervise-confirm").single()).click();

        JsonNode body = JSON.readTree(BACKEND.last("POST", "/api/v1/tickets/" + OVERDUE_TICKET + "/supervise").body());
        assertThat(body.path("reason").asString()).isEqualTo("超时一天半，请街道今日反馈");
        assertThat(BACKEND.requests("GET", "/api/v1/tickets")).hasSize(loads + 1);
        assertThat($(TextArea.class).withId("supervise-reason").all()).isEmpty();
    }

    @Test
    void superviseRefusedThenTheBackendsProblemShownAndDialogStays() {
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(OVERDUE_TICKET, "20261126000001", "OVERDUE",
                Instant.now().minusSeconds(600), "", false) + "],\"nextCursor\":null}");
        BACKEND.problem("POST /api/v1/tickets/" + OVERDUE_TICKET + "/supervise", 409, "Ticket is already supervised");
        navigate(SlaBoardView.class);

        test((Grid<BoardRow>) $(Grid.class).withId("sla-grid").single()).select(0);
        test($(Button.class).withId("sla-supervise").single()).click();
        test($(TextArea.class).withId("supervise-reason").single()).setValue("请加快");
        test($(Button.class).withId("supervise-confirm").single()).click();

        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Ticket is already supervised");
        assertThat($(TextArea.class).withId("supervise-reason").all()).hasSize(1);
    }

    @Test
    void markThenTheTagAndReasonPostedAndTheBoardReloaded() {
        BACKEND.json("GET /api/v1/tickets", "{\"items\":[" + row(AT_RISK_TICKET, "20261126000002", "AT_RISK",
                Instant.now().plusSeconds(600), "", false) + "],\"nextCursor\":null}");
        BACKEND.json("POST /api/v1/tickets/" + AT_RISK_TICKET + "/tags", "{}");
        navigate(SlaBoardView.class);
        int loads = BACKEND.requests("GET", "/api/v1/tickets").size();

        test((Grid<BoardRow>) $(Grid.class).withId("sla-grid").single()).select(0);
        test($(Button.class).withId("sla-mark").single()).click();
        test($(Select.class).withId("mark-tag").single()).selectItem("不满意件");
        test($(TextArea.class).withId("mark-reason").single()).setValue("市民再次来电投诉");
        test($(Button.class).withId("mark-confirm").single()).click();

        JsonNode body = JSON.readTree(BACKEND.last("POST", "/api/v1/tickets/" + AT_RISK_TICKET + "/tags").body());
        assertThat(body.path("tag").asString()).isEqualTo("UNSATISFIED");
        assertThat(body.path("reason").asString()).isEqualTo("市民再次来电投诉");
        assertThat(BACKEND.requests("GET", "/api/v1/tickets")).hasSize(loads + 1);
    }

    @Test
    void fromTheBoardToTheCallbackQueueThenTheBoardsTickStopsAndTheQueueDoesNotPoll() {
        callbackFigures();
        navigate(SlaBoardView.class);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(SlaBoardView.TICK_MS);

        navigate(CallbackQueueView.class);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

        navigate(HomeView.class);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    // --- callback queue --------------------------------------------------------------------------------------------

    private static final String OTHER_TASK = "55555555-5555-4555-8555-555555555555";

    /** An open task abandoned 12 minutes ago and due 30 minutes after that. */
    private static CallbackTaskView task(String claimedBy, String number, int attempts, long version) {
        return task(TASK, "139****5678", Duration.ofMinutes(12), claimedBy, number, attempts, CallbackStatus.OPEN,
                version);
    }

    private static CallbackTaskView task(String id, String masked, Duration age, String claimedBy, String number,
            int attempts, CallbackStatus status, long version) {
        Instant abandoned = Instant.now().minus(age);
        Instant due = abandoned.plus(Duration.ofMinutes(30));
        return new CallbackTaskView(id, masked, number, CallQueue.GENERAL, abandoned, abandoned, due,
                due.isBefore(Instant.now()), status, 1, attempts, claimedBy,
                status == CallbackStatus.OPEN ? null : Instant.now(), version);
    }

    private static void callbackFigures() {
        BACKEND.json("GET /api/v1/callbacks/figures", """
                {"pending":4,"oldestPendingAgeSeconds":4000,"oldestPendingSince":"2026-11-26T08:00:00Z","overdue":2,
                 "doneToday":17,"medianSecondsToFirstAttempt":330.4,"asOf":"2026-11-26T09:06:40Z"}""");
    }

    /** The queue opened, its subscription answered with these open tasks, and the view showing them. */
    private FakeCallbackStream.Subscription openQueue(CallbackTaskView... tasks) {
        callbackFigures();
        navigate(CallbackQueueView.class);
        FakeCallbackStream.Subscription subscription = STREAM.awaitSubscription(1);
        subscription.snapshot(tasks);
        eventually(() -> {
            assertThat(linkState()).isEqualTo("live");
            assertThat(callbackGrid().size()).isEqualTo(tasks.length);
        });
        return subscription;
    }

    /**
     * Until it holds, each time after the UI has run what other threads handed it with {@code ui.access} (the
     * stream's items, the delayed figures), as the next request or push would.
     */
    private void eventually(Runnable assertion) {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            runUiAccess();
            assertion.run();
        });
    }

    private void runUiAccess() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<CallbackTaskView>, CallbackTaskView> callbackGrid() {
        return test((Grid<CallbackTaskView>) $(Grid.class).withId("callbacks-grid").single());
    }

    private List<String> callers() {
        var grid = callbackGrid();
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, 0)).toList();
    }

    private String linkState() {
        return $(Span.class).withId("callbacks-live").single().getElement().getAttribute("data-link");
    }

    private static int figuresAsked() {
        return BACKEND.requests("GET", "/api/v1/callbacks/figures").size();
    }

    @Test
    void callbackQueueThenFiguresOnTopAndTheTasksOfTheSupervisorsOwnStreamWithMaskedNumbers() {
        openQueue(task(null, null, 1, 1));

        assertThat(STREAM.subscriptions()).extracting(FakeCallbackStream.Subscription::token)
                .containsExactly("access-supervisor1");
        assertThat(STREAM.rejections()).isEmpty();
        assertThat($(Span.class).withId("callbacks-pending").single().getText()).isEqualTo("4");
        assertThat($(Span.class).withId("callbacks-oldest").single().getText()).isEqualTo("1小时06分");
        assertThat($(Span.class).withId("callbacks-overdue").single().getText()).isEqualTo("2");
        assertThat($(Span.class).withId("callbacks-done-today").single().getText()).isEqualTo("17");
        assertThat($(Span.class).withId("callbacks-median").single().getText()).isEqualTo("5分钟");
        var grid = callbackGrid();
        assertThat(grid.getCellText(0, 0)).isEqualTo("139****5678");
        assertThat(grid.getCellText(0, 3)).isEqualTo("12分钟");
        assertThat(grid.getCellText(0, 6)).isEqualTo("1 / 3");
        assertThat($(Span.class).withId("callbacks-live").single().getText()).isEqualTo("实时更新：变化随时显示。");
        assertThat(BACKEND.requests("GET", "/api/v1/callbacks")).as("the list comes from the stream").isEmpty();
    }

    @Test
    void changesPushedThenTheListUpdatedInPlaceWithoutAPollAndTheFiguresAskedAgain() {
        FakeCallbackStream.Subscription stream = openQueue(task(null, null, 0, 1));
        int figures = figuresAsked();

        // a newer abandon due sooner goes first; a claim shows in place; a closed task leaves
        stream.change(CallbackChange.CREATED, task(OTHER_TASK, "137****0001", Duration.ofMinutes(20), null, null, 0,
                CallbackStatus.OPEN, 1));
        eventually(() -> assertThat(callers()).containsExactly("137****0001", "139****5678"));
        stream.change(CallbackChange.CLAIMED, task("agent1", null, 0, 2));
        eventually(() -> assertThat(callbackGrid().getCellText(1, 8)).isEqualTo("agent1"));
        stream.change(CallbackChange.CLOSED, task(OTHER_TASK, "137****0001", Duration.ofMinutes(20), null, null, 1,
                CallbackStatus.REACHED, 2));
        eventually(() -> assertThat(callers()).containsExactly("139****5678"));
        // an older copy arriving late changes nothing
        stream.change(CallbackChange.CREATED, task(null, null, 0, 1));
        eventually(() -> assertThat(figuresAsked()).isGreaterThan(figures));
        assertThat(callbackGrid().getCellText(0, 8)).isEqualTo("agent1");

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(BACKEND.requests("GET", "/api/v1/callbacks")).isEmpty();
        assertThat(STREAM.subscriptions()).hasSize(1);
    }

    @Test
    void burstOfChangesThenTheFiguresAskedAtMostOncePerSecond() {
        FakeCallbackStream.Subscription stream = openQueue(task(null, null, 0, 1));
        int figures = figuresAsked();

        for (int version = 2; version <= 31; version++) {
            stream.change(CallbackChange.MERGED, task(null, null, 0, version));
        }

        eventually(() -> assertThat(callbackGrid().getRow(0).version()).isEqualTo(31));
        eventually(() -> assertThat(figuresAsked()).isGreaterThan(figures));
        // thirty changes at once: one request now or one when the second is up, and perhaps the other as well
        await().pollInSameThread().during(CallbackQueueView.FIGURES_EVERY.multipliedBy(2))
                .atMost(CallbackQueueView.FIGURES_EVERY.multipliedBy(4)).until(() -> {
                    runUiAccess();
                    return figuresAsked() - figures <= 2;
                });
    }

    @Test
    void streamEndedByTheBackendThenStaleShownAndAFreshSnapshotAfterSubscribingAgain() {
        FakeCallbackStream.Subscription first = openQueue(task(null, null, 0, 1),
                task(OTHER_TASK, "137****0001", Duration.ofMinutes(20), null, null, 0, CallbackStatus.OPEN, 1));

        first.fail("Too far behind the callback queue's changes; subscribe again for a fresh snapshot");

        eventually(() -> assertThat(linkState()).isEqualTo("reconnecting"));
        assertThat($(Span.class).withId("callbacks-live").single().getText()).contains("正在重新连接");
        assertThat(callbackGrid().getComponent().hasClassName("supervisor-callbacks-stale")).isTrue();
        assertThat(callbackGrid().size()).as("the last list stays, marked as old").isEqualTo(2);

        FakeCallbackStream.Subscription second = STREAM.awaitSubscription(2);
        assertThat(second.token()).isEqualTo("access-supervisor1");
        int figures = figuresAsked();
        second.snapshot(task("agent1", null, 1, 3));

        eventually(() -> {
            assertThat(linkState()).isEqualTo("live");
            assertThat(callers()).containsExactly("139****5678");
        });
        assertThat(callbackGrid().getCellText(0, 8)).isEqualTo("agent1");
        assertThat(callbackGrid().getComponent().hasClassName("supervisor-callbacks-stale")).isFalse();
        eventually(() -> assertThat(figuresAsked()).as("changes may have been missed").isGreaterThan(figures));
    }

    @Test
    void streamEndedBecauseItsTokenExpiredThenSubscribedAgainWithARefreshedTokenAndNotShownAsInterrupted() {
        FakeCallbackStream.Subscription first = openQueue(task(null, null, 0, 1));
        BACKEND.json("POST /api/v1/auth/token",
                "{\"accessToken\":\"access-supervisor1-renewed\",\"refreshToken\":\"refresh-2\",\"expiresIn\":900}");

        first.fail(TokenExpired.MESSAGE);

        FakeCallbackStream.Subscription second = STREAM.awaitSubscription(2);
        assertThat(second.token()).isEqualTo("access-supervisor1-renewed");
        assertThat(BACKEND.last("POST", "/api/v1/auth/token").body()).contains("\"refreshToken\":\"refresh\"");
        runUiAccess();
        assertThat(linkState()).isEqualTo("live");
        assertThat(callbackGrid().getComponent().hasClassName("supervisor-callbacks-stale")).isFalse();

        second.snapshot(task("agent1", null, 1, 2));
        eventually(() -> assertThat(callbackGrid().getCellText(0, 8)).isEqualTo("agent1"));
        assertThat(linkState()).isEqualTo("live");
    }

    @Test
    void streamRenewedAfterItsTokenExpiredButNoSnapshotWithinTheGraceThenShownAsInterrupted() {
        FakeCallbackStream.Subscription first = openQueue(task(null, null, 0, 1));
        BACKEND.json("POST /api/v1/auth/token",
                "{\"accessToken\":\"access-supervisor1-renewed\",\"refreshToken\":\"refresh-2\",\"expiresIn\":900}");

        first.fail(TokenExpired.MESSAGE);
        STREAM.awaitSubscription(2);

        eventually(() -> assertThat(linkState()).isEqualTo("reconnecting"));
        assertThat(callbackGrid().getComponent().hasClassName("supervisor-callbacks-stale")).isTrue();
    }

    @Test
    void queueLeftThenItsSubscriptionCancelled() {
        FakeCallbackStream.Subscription stream = openQueue(task(null, null, 0, 1));

        navigate(HomeView.class);

        await().atMost(Duration.ofSeconds(10)).until(stream::cancelled);
        assertThat(STREAM.subscriptions()).hasSize(1);
    }

    @Test
    void claimTakenBySomeoneElseThenTheBackendsConflictShownAndNothingHeld() {
        openQueue(task("agent1", null, 0, 2));
        BACKEND.problem("POST /api/v1/callbacks/" + TASK + "/claim", 409,
                "The callback task is claimed by someone else");

        callbackGrid().select(0);
        test($(Button.class).withId("callbacks-claim").single()).click();

        assertThat(BACKEND.requests("POST", "/api/v1/callbacks/" + TASK + "/claim")).hasSize(1);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("The callback task is claimed by someone else");
        assertThat($(Button.class).withId("callbacks-outcome-no-answer").single().isEnabled()).isFalse();
    }

    @Test
    void claimThenFullNumberToDialAndTheAttemptRecordedWithItsOutcome() {
        FakeCallbackStream.Subscription stream = openQueue(task(null, null, 0, 1));
        BACKEND.json("POST /api/v1/callbacks/" + TASK + "/claim", json(task("supervisor1", "13912345678", 0, 2)));
        BACKEND.json("POST /api/v1/callbacks/" + TASK + "/attempts", json(task(null, "13912345678", 1, 3)));
        Button noAnswer = $(Button.class).withId("callbacks-outcome-no-answer").single();
        assertThat(noAnswer.isEnabled()).isFalse();

        callbackGrid().select(0);
        test($(Button.class).withId("callbacks-claim").single()).click();
        assertThat($(Span.class).withId("callbacks-held").single().getText()).contains("13912345678");
        assertThat(callbackGrid().getCellText(0, 8)).as("the claim's answer shows at once").isEqualTo("supervisor1");
        assertThat(noAnswer.isEnabled()).isTrue();
        stream.change(CallbackChange.CLAIMED, task("supervisor1", "13912345678", 0, 2));

        test(noAnswer).click();

        JsonNode body = JSON.readTree(BACKEND.last("POST", "/api/v1/callbacks/" + TASK + "/attempts").body());
        assertThat(body.path("outcome").asString()).isEqualTo("NO_ANSWER");
        assertThat(noAnswer.isEnabled()).as("a new claim is needed for the next attempt").isFalse();
        assertThat($(Span.class).withId("callbacks-held").single().getText()).doesNotContain("13912345678");
        assertThat(callbackGrid().getCellText(0, 6)).isEqualTo("1 / 3");
        assertThat(callbackGrid().getCellText(0, 8)).isEmpty();
    }

    @Test
    void aTaskHeldBeforeTheQueueWasOpenedAgainIsHeldAgainWithItsNumberToDial() {
        // The supervisor claimed it, then reloaded the page: the snapshot names them as its claimant.
        openQueue(task("supervisor1", "13912345678", 0, 2));
        BACKEND.json("POST /api/v1/callbacks/" + TASK + "/attempts", json(task(null, "13912345678", 1, 3)));

        assertThat($(Span.class).withId("callbacks-held").single().getText()).contains("13912345678");
        Button busy = $(Button.class).withId("callbacks-outcome-busy").single();
        assertThat(busy.isEnabled()).isTrue();
        test(busy).click();
        assertThat(JSON.readTree(BACKEND.last("POST", "/api/v1/callbacks/" + TASK + "/attempts").body())
                .path("outcome").asString()).isEqualTo("BUSY");
        assertThat(busy.isEnabled()).as("recorded: the claim is gone, and so is the hold").isFalse();
    }

    @Test
    void aTaskSomeoneElseHoldsIsNotHeldHere() {
        openQueue(task("agent1", null, 0, 2));

        assertThat($(Span.class).withId("callbacks-held").single().getText()).doesNotContain("139");
        assertThat($(Button.class).withId("callbacks-outcome-busy").single().isEnabled()).isFalse();
    }

    @Test
    void heldTaskClaimedBySomeoneElseOnTheStreamThenNoLongerHeld() {
        FakeCallbackStream.Subscription stream = openQueue(task(null, null, 0, 1));
        BACKEND.json("POST /api/v1/callbacks/" + TASK + "/claim", json(task("supervisor1", "13912345678", 0, 2)));
        callbackGrid().select(0);
        test($(Button.class).withId("callbacks-claim").single()).click();
        assertThat($(Button.class).withId("callbacks-outcome-busy").single().isEnabled()).isTrue();

        // the claim lapsed and an agent took the task
        stream.change(CallbackChange.CLAIMED, task("agent1", null, 0, 3));

        eventually(() -> assertThat($(Button.class).withId("callbacks-outcome-busy").single().isEnabled()).isFalse());
        assertThat($(Span.class).withId("callbacks-held").single().getText()).doesNotContain("13912345678");
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    // --- mark & track ----------------------------------------------------------------------------------------------

    @Test
    void markTrackThenTaggedTicketsAndTheMonthsClearToZeroBoard() {
        BACKEND.json("GET /api/v1/mark-track/board", """
                {"month":"2026-11","units":[
                  {"unitId":"%s","unitName":"城关街道","tagged":4,"cleared":1,"open":3},
                  {"unitId":null,"unitName":null,"tagged":2,"cleared":2,"open":0}],
                 "tagged":6,"cleared":3,"open":3}""".formatted(CHENGGUAN));

        navigate(MarkTrackView.class);

        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("tag", "PROMISED");
        assertThat(BACKEND.last("GET", "/api/v1/mark-track/board").query()).containsKey("month");
        var board = test((Grid<?>) $(Grid.class).withId("mark-track-board").single());
        assertThat(board.getCellText(0, 0)).isEqualTo("城关街道");
        assertThat(board.getCellText(0, 3)).isEqualTo("3");
        assertThat(((ProgressBar) board.getCellComponent(0, 4)).getValue()).isEqualTo(1.0 / 4);
        assertThat(((ProgressBar) board.getCellComponent(1, 4)).getValue()).isEqualTo(1.0);
        assertThat($(Span.class).withId("mark-track-totals").single().getText())
                .isEqualTo("全部单位：标记 6 件，已清零 3 件，未清零 3 件");

        test($(Tabs.class).first()).select(1);
        assertThat(BACKEND.last("GET", "/api/v1/tickets").query()).containsEntry("tag", "UNSATISFIED");
    }

    // --- shift schedule --------------------------------------------------------------------------------------------

    private void shiftSchedule() {
        BACKEND.json("GET /api/v1/shifts/directors", "[{\"id\":\"%s\",\"name\":\"值班领导\"}]".formatted(DIRECTOR));
        BACKEND.json("GET /api/v1/shifts", "[]");
        navigate(ShiftScheduleView.class);
        test($(Button.class).withId("shifts-new").single()).click();
    }

    @Test
    void shiftScheduleThenTheChosenDaysAskedInShanghaiTime() {
        shiftSchedule();

        FakeBackend.Request list = BACKEND.last("GET", "/api/v1/shifts");
        Instant from = Instant.parse(list.query().get("from"));
        Instant to = Instant.parse(list.query().get("to"));
        assertThat(from.atZone(SupervisorText.ZONE).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shiftWithoutDirectorThenNotSentAndTheDirectorMarked() {
        shiftSchedule();

        test($(Button.class).withId("shift-save").single()).click();

        assertThat(BACKEND.requests("POST", "/api/v1/shifts")).isEmpty();
        assertThat($(ComboBox.class).withId("shift-director").single().isInvalid()).isTrue();
    }

    @Test
    void shiftEndingBeforeItStartsOrLongerThanADayThenNotSent() {
        shiftSchedule();
        test($(ComboBox.class).withId("shift-director").single()).selectItem("值班领导");
        DateTimePicker start = $(DateTimePicker.class).withId("shift-start").single();
        DateTimePicker end = $(DateTimePicker.class).withId("shift-end").single();

        test(start).setValue(LocalDateTime.of(2031, 3, 2, 9, 0));
        test(end).setValue(LocalDateTime.of(2031, 3, 2, 9, 0));
        test($(Button.class).withId("shift-save").single()).click();
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("结束时间须晚于开始时间。");

        test(end).setValue(LocalDateTime.of(2031, 3, 3, 9, 1));
        test($(Button.class).withId("shift-save").single()).click();
        assertThat(end.getErrorMessage()).isEqualTo("一个班次最长 24 小时。");

        assertThat(BACKEND.requests("POST", "/api/v1/shifts")).isEmpty();
    }

    @Test
    void validShiftThenPostedWithShanghaiTimesAndTheListReloaded() {
        shiftSchedule();
        BACKEND.json("POST /api/v1/shifts", """
                {"id":"%s","directorId":"%s","directorName":"值班领导","unitId":"%s","startsAt":"2031-03-02T01:00:00Z",
                 "endsAt":"2031-03-02T05:00:00Z","seat":"A-01"}""".formatted(UUID.randomUUID(), DIRECTOR, CHENGGUAN));
        int lists = BACKEND.requests("GET", "/api/v1/shifts").size();
        test($(ComboBox.class).withId("shift-director").single()).selectItem("值班领导");
        test($(ComboBox.class).withId("shift-unit").single()).selectItem("城关街道");
        test($(DateTimePicker.class).withId("shift-start").single()).setValue(LocalDateTime.of(2031, 3, 2, 9, 0));
        test($(DateTimePicker.class).withId("shift-end").single()).setValue(LocalDateTime.of(2031, 3, 2, 13, 0));
        test($(TextField.class).withId("shift-seat").single()).setValue(" A-01 ");

        test($(Button.class).withId("shift-save").single()).click();

        JsonNode body = JSON.readTree(BACKEND.last("POST", "/api/v1/shifts").body());
        assertThat(Map.of("directorId", body.path("directorId").asString(), "unitId", body.path("unitId").asString(),
                "startsAt", body.path("startsAt").asString(), "endsAt", body.path("endsAt").asString(),
                "seat", body.path("seat").asString())).isEqualTo(Map.of("directorId", DIRECTOR, "unitId", CHENGGUAN,
                "startsAt", "2031-03-02T01:00:00Z", "endsAt", "2031-03-02T05:00:00Z", "seat", "A-01"));
        assertThat(BACKEND.requests("GET", "/api/v1/shifts")).hasSize(lists + 1);
        assertThat($(Button.class).withId("shift-save").all()).isEmpty();
    }

    @Test
    void shiftRefusedByTheBackendThenItsProblemShownAndTheFormKept() {
        shiftSchedule();
        BACKEND.problem("POST /api/v1/shifts", 400, "the director already has a shift in that time");
        test($(ComboBox.class).withId("shift-director").single()).selectItem("值班领导");

        test($(Button.class).withId("shift-save").single()).click();

        assertThat(BACKEND.requests("POST", "/api/v1/shifts")).hasSize(1);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("the director already has a shift in that time");
        assertThat($(ComboBox.class).withId("shift-director").single().getValue()).isNotNull();
    }

    @Test
    void shiftEditedThenReplacedByIdAndDeletedAfterConfirmation() {
        String id = UUID.randomUUID().toString();
        String shift = """
                {"id":"%s","directorId":"%s","directorName":"值班领导","unitId":null,"startsAt":"%s",
                 "endsAt":"%s","seat":"B-02"}""".formatted(id, DIRECTOR, Instant.now().plus(Duration.ofHours(2)),
                Instant.now().plus(Duration.ofHours(5)));
        BACKEND.json("GET /api/v1/shifts/directors", "[{\"id\":\"%s\",\"name\":\"值班领导\"}]".formatted(DIRECTOR));
        BACKEND.json("GET /api/v1/shifts", "[" + shift + "]");
        BACKEND.json("PUT /api/v1/shifts/" + id, shift);
        BACKEND.noContent("DELETE /api/v1/shifts/" + id);
        navigate(ShiftScheduleView.class);
        var actions = test((Grid<?>) $(Grid.class).withId("shifts-grid").single()).getCellComponent(0, 5);

        test(button(actions, "shift-edit-" + id)).click();
        assertThat($(TextField.class).withId("shift-seat").single().getValue()).isEqualTo("B-02");
        test($(TextField.class).withId("shift-seat").single()).setValue("B-03");
        test($(Button.class).withId("shift-save").single()).click();
        assertThat(JSON.readTree(BACKEND.last("PUT", "/api/v1/shifts/" + id).body()).path("seat").asString())
                .isEqualTo("B-03");
        assertThat(BACKEND.requests("POST", "/api/v1/shifts")).isEmpty();

        test(button(actions, "shift-delete-" + id)).click();
        assertThat(BACKEND.requests("DELETE", "/api/v1/shifts/" + id)).isEmpty();
        test($(ConfirmDialog.class).withId("shift-delete-confirm").single()).confirm();
        assertThat(BACKEND.requests("DELETE", "/api/v1/shifts/" + id)).hasSize(1);
    }

    private static Button button(com.vaadin.flow.component.Component in, String id) {
        return in.getChildren().filter(c -> c.getId().orElse("").equals(id)).map(Button.class::cast).findFirst()
                .orElseThrow();
    }

    // --- access ----------------------------------------------------------------------------------------------------

    @Test
    void supervisorThenTheFourViewsInTheMenu() {
        navigate(HomeView.class);

        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("时限看板", "漏话回拨", "标记跟踪", "领导接听排班");
    }

    @Test
    void agentThenNoneOfTheViewsInTheMenuAndTheBoardRefusedWithoutAskingTheBackend() {
        signIn("agent1", "AGENT");

        navigate(HomeView.class);
        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("首页").doesNotContain("时限看板", "漏话回拨", "标记跟踪", "领导接听排班");
        UI.getCurrent().navigate(SlaBoardView.class);

        assertThat($(SlaBoardView.class).all()).isEmpty();
        // (the wall's own stream may ask for its token meanwhile: that is not this view)
        assertThat(BACKEND.requests()).filteredOn(r -> !r.path().equals("/api/v1/auth/token")).isEmpty();
    }
}
