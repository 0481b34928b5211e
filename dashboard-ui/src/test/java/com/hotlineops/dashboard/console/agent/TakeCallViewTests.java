package com.hotlineops.dashboard.console.agent;

import static com.hotlineops.dashboard.console.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.FakeDeskBackend;
import com.hotlineops.dashboard.console.HomeView;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent's call form without a browser, against a stand-in backend: what it sends, in which order, and when not. */
@ViewPackages(packages = "com.hotlineops.dashboard.console")
class TakeCallViewTests extends DeskViewTest {

    private final UUID id = UUID.randomUUID();
    private final String number = "20261126000042";

    @BeforeEach
    void agentAtTheDesk() {
        signIn("agent1", "AGENT");
        backend.on("GET", "/api/v1/knowledge/search", List.of());
    }

    private void type(String fieldId, String value) {
        if ("agent-content".equals(fieldId) || "agent-answer".equals(fieldId)) {
            test($(TextArea.class).withId(fieldId).single()).setValue(value);
        } else {
            test($(TextField.class).withId(fieldId).single()).setValue(value);
        }
    }

    private void click(String buttonId) {
        test($(Button.class).withId(buttonId).single()).click();
    }

    private void intakeAnswers(TicketStatus status) {
        backend.on("POST", "/api/v1/intake", request -> new FakeDeskBackend.Answer(201,
                new IntakeResult(ticket(id, number, status), true)));
    }

    private void fillTheCall() {
        type("agent-phone", "13912345678");
        type("agent-title", "小区停水两天");
        type("agent-content", "幸福小区已经停水两天了，请尽快处理。");
        test($(ComboBox.class).withId("agent-category").single()).selectItem("城乡建设 / 供水");
    }

    @Test
    void sendForDispatchThenIntakeWithThisCallsIdThenSubmitAndALinkToTheTicket() {
        navigate(TakeCallView.class);
        intakeAnswers(TicketStatus.RECEIVED);
        backend.on("POST", "/api/v1/tickets/" + id + "/submit", ticket(id, number, TicketStatus.PENDING_DISPATCH));
        fillTheCall();

        click("agent-dispatch-button");

        JsonNode intake = backend.requests("POST", "/api/v1/intake").getFirst().json();
        assertThat(intake.path("channel").asString()).isEqualTo("HOTLINE");
        assertThat(intake.path("externalId").asString()).startsWith("desk-");
        assertThat(intake.path("citizen").path("phone").asString()).isEqualTo("13912345678");
        assertThat(intake.path("title").asString()).isEqualTo("小区停水两天");
        assertThat(intake.path("categoryCode").asString()).isEqualTo("0104");
        assertThat(intake.path("grade").asString()).isEqualTo("STANDARD");
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/submit")).hasSize(1);
        Anchor link = $(Anchor.class).withId("agent-result-link").single();
        assertThat(link.getText()).isEqualTo(number);
        assertThat(link.getHref()).isEqualTo("tickets/" + id);
        assertThat(notifications()).containsExactly("工单 " + number + "：待派遣");
        assertThat($(TextField.class).withId("agent-title").single().getValue()).as("ready for the next call")
                .isEmpty();
    }

    @Test
    void noTitleNoContentThenFieldErrorsAndNothingSent() {
        navigate(TakeCallView.class);

        click("agent-dispatch-button");

        assertThat($(TextField.class).withId("agent-title").single().isInvalid()).isTrue();
        assertThat($(TextArea.class).withId("agent-content").single().isInvalid()).isTrue();
        assertThat($(TextArea.class).withId("agent-content").single().getErrorMessage()).isEqualTo("必填");
        assertThat(backend.requests("POST", "/api/v1/intake")).isEmpty();
    }

    @Test
    void answerDirectlyWithoutAnAnswerThenRefusedAtTheFieldWithOneThenClosedWithIt() {
        navigate(TakeCallView.class);
        intakeAnswers(TicketStatus.RECEIVED);
        backend.on("POST", "/api/v1/tickets/" + id + "/answer", ticket(id, number, TicketStatus.CLOSED));
        fillTheCall();

        click("agent-answer-button");
        assertThat($(TextArea.class).withId("agent-answer").single().isInvalid()).isTrue();
        assertThat(backend.requests("POST", "/api/v1/intake")).isEmpty();

        type("agent-answer", "供水企业2小时内到场处置。");
        click("agent-answer-button");

        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/answer")).singleElement()
                .extracting(r -> r.json().path("reason").asString()).isEqualTo("供水企业2小时内到场处置。");
        assertThat(notifications()).containsExactly("工单 " + number + "：已办结");
    }

    @Test
    void stepRefusedThenTicketKeptAndTheNextClickOnlyRepeatsTheStep() {
        navigate(TakeCallView.class);
        intakeAnswers(TicketStatus.RECEIVED);
        AtomicInteger submits = new AtomicInteger();
        backend.on("POST", "/api/v1/tickets/" + id + "/submit", request -> submits.incrementAndGet() == 1
                ? new FakeDeskBackend.Answer(503, Map.of("status", 503, "detail", "Database unavailable"))
                : new FakeDeskBackend.Answer(200, ticket(id, number, TicketStatus.PENDING_DISPATCH)));
        fillTheCall();

        click("agent-dispatch-button");
        assertThat(notifications()).containsExactly("Database unavailable");
        assertThat($(Anchor.class).withId("agent-result-link").single().getText()).isEqualTo(number);

        click("agent-dispatch-button");

        assertThat(backend.requests("POST", "/api/v1/intake")).as("one ticket for one call").hasSize(1);
        assertThat(submits).hasValue(2);
    }

    @Test
    void webMessageThenOnlyDispatchOfferedAndIntakeAloneQueuesIt() {
        navigate(TakeCallView.class);
        intakeAnswers(TicketStatus.PENDING_DISPATCH);
        @SuppressWarnings("unchecked")
        Select<Channel> channel = $(Select.class).withId("agent-channel").single();
        test(channel).selectItem("网络留言");

        assertThat($(Button.class).withId("agent-answer-button").single().isEnabled()).isFalse();
        assertThat($(Button.class).withId("agent-emergency-button").single().isEnabled()).isFalse();
        fillTheCall();
        click("agent-dispatch-button");

        assertThat(backend.requests("POST", "/api/v1/intake").getFirst().json().path("channel").asString())
                .isEqualTo("WEB_MESSAGE");
        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/submit")).isEmpty();
    }

    @Test
    void emergencyThenTransferredToTheChosenNumber() {
        navigate(TakeCallView.class);
        intakeAnswers(TicketStatus.RECEIVED);
        TicketView transferred = ticket(id, number, TicketStatus.TRANSFERRED_EMERGENCY);
        backend.on("POST", "/api/v1/tickets/" + id + "/emergency", transferred);
        fillTheCall();

        click("agent-emergency-button");
        assertThat(backend.requests("POST", "/api/v1/intake")).as("no number chosen").isEmpty();
        @SuppressWarnings("unchecked")
        Select<String> numbers = $(Select.class).withId("agent-emergency-number").single();
        test(numbers).selectItem("120");
        click("agent-emergency-button");

        assertThat(backend.requests("POST", "/api/v1/tickets/" + id + "/emergency")).singleElement()
                .extracting(r -> r.json().path("number").asString()).isEqualTo("120");
    }

    @Test
    void typingTheTitleThenKnowledgeSearchedAndAnArticleBecomesTheAnswer() {
        UUID article = UUID.randomUUID();
        Map<String, Object> found = Map.of("id", article.toString(), "title", "停水停电报修处置流程",
                "body", "供水企业接单后2小时内到场处置。", "owner", "住房和城乡建设局");
        backend.on("GET", "/api/v1/knowledge/search", request -> new FakeDeskBackend.Answer(200,
                "停水".equals(request.query().get("q"))
                        ? List.of(Map.of("article", found, "rank", 0.5, "excerpt", "小区停水、停电的……"))
                        : List.of()));
        navigate(TakeCallView.class);

        type("agent-title", "小区停水两天");

        assertThat(backend.requests("GET", "/api/v1/knowledge/search")).extracting(r -> r.query().get("q"))
                .as("as typed first, then its words until one finds something")
                .containsExactly("小区停水两天", "小区", "停水", "两天");
        assertThat($(TextField.class).withId("kb-query").single().getValue()).isEqualTo("小区停水两天");
        test($(Button.class).withText("停水停电报修处置流程").single()).click();
        click("kb-use-answer");

        assertThat($(TextArea.class).withId("agent-answer").single().getValue()).isEqualTo("供水企业接单后2小时内到场处置。");
    }

    @Test
    void agentThenCallDeskInTheMenu() {
        navigate(TakeCallView.class);

        assertThat(menu()).contains("话务台").doesNotContain("我的班次");
    }

    @Test
    void dispatcherThenNoCallDeskInTheMenu() {
        signIn("dispatcher1", "DISPATCHER");

        navigate("", HomeView.class);

        assertThat(menu()).doesNotContain("话务台");
    }

    private List<String> menu() {
        return $(SideNav.class).withId("console-menu").single().getItems().stream().map(SideNavItem::getLabel)
                .toList();
    }
}
