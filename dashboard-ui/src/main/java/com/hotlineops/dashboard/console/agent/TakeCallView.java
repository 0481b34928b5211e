package com.hotlineops.dashboard.console.agent;

import com.hotlineops.contract.category.Category;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.hotlineops.dashboard.console.ticket.Notices;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketLabels;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 话务台: the call in hand becomes a ticket (issue #5). The agent types what the caller says while the knowledge base
 * is searched beside the form, then ends the call one of three ways ({@link CallOutcome}). The ticket is created by
 * the intake when the agent ends the call; if the second step is refused (or the line drops), the created ticket is
 * kept and the next click only repeats the step, and the intake itself is idempotent on this call's own id.
 */
@Route(value = "desk/call", layout = ConsoleLayout.class)
@Menu(order = 10, title = "console.agent.menu.call")
@RolesAllowed({"AGENT", "DIRECTOR"})
@StyleSheet("styles/desk.css")
public class TakeCallView extends VerticalLayout implements HasDynamicTitle {

    static final String[] EMERGENCY_NUMBERS = {"110", "119", "120", "122"};

    private final TicketApi api;
    private final Select<Channel> channel = new Select<>();
    private final TextField citizenName = new TextField();
    private final TextField phone = new TextField();
    private final TextField title = new TextField();
    private final TextArea content = new TextArea();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextField location = new TextField();
    private final Select<TicketGrade> grade = new Select<>();
    private final TextArea answer = new TextArea();
    private final Select<String> emergencyNumber = new Select<>();
    private final Button answerButton = new Button();
    private final Button dispatchButton = new Button();
    private final Button emergencyButton = new Button();
    private final Div result = new Div();
    private final KnowledgePanel knowledge;

    /** This call's own id at this desk: the intake's idempotency key, new for each call. */
    private String callId = newCallId();
    /** The ticket the intake made for this call, while its second step has not gone through. */
    private TicketView created;

    public TakeCallView(TicketApi api, Knowledge knowledgeBase, Categories categories) {
        this.api = api;
        setId("agent-call");
        knowledge = new KnowledgePanel(knowledgeBase, text -> {
            answer.setValue(text);
            answer.focus();
        });

        channel.setId("agent-channel");
        channel.setLabel(getTranslation("console.ticket.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(TicketLabels::channel);
        channel.setValue(Channel.HOTLINE);
        channel.addValueChangeListener(change -> {
            grade.setValue(change.getValue() == Channel.ENTERPRISE_LINE ? TicketGrade.ENTERPRISE_GENERAL
                    : TicketGrade.STANDARD);
            offerOutcomes();
        });
        citizenName.setId("agent-name");
        citizenName.setLabel(getTranslation("console.agent.name"));
        phone.setId("agent-phone");
        phone.setLabel(getTranslation("console.agent.phone"));
        phone.setAllowedCharPattern("[0-9]");
        phone.setMaxLength(20);
        title.setId("agent-title");
        title.setLabel(getTranslation("console.ticket.title"));
        title.setMaxLength(CallDraft.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        content.setId("agent-content");
        content.setLabel(getTranslation("console.agent.content"));
        content.setMaxLength(CallDraft.CONTENT_MAX);
        content.setRequiredIndicatorVisible(true);
        content.setMinRows(4);
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setValueChangeTimeout(KnowledgePanel.PAUSE_MS);
        content.setValueChangeMode(ValueChangeMode.LAZY);
        content.setValueChangeTimeout(KnowledgePanel.PAUSE_MS);
        title.addValueChangeListener(change -> lookUp(change.isFromClient()));
        content.addValueChangeListener(change -> lookUp(change.isFromClient()));
        category.setId("agent-category");
        category.setLabel(getTranslation("console.ticket.category"));
        category.setItems(categories.leaves());
        category.setItemLabelGenerator(c -> categories.label(c.code()));
        location.setId("agent-location");
        location.setLabel(getTranslation("console.ticket.location"));
        grade.setId("agent-grade");
        grade.setLabel(getTranslation("console.ticket.grade"));
        grade.setItems(TicketGrade.values());
        grade.setItemLabelGenerator(TicketLabels::grade);
        grade.setValue(TicketGrade.STANDARD);

        FormLayout form = new FormLayout(channel, grade, citizenName, phone, title, category, location);
        form.setColspan(title, 2);
        form.add(content, 2);

        answer.setId("agent-answer");
        answer.setLabel(getTranslation("console.agent.answer"));
        answer.setWidthFull();
        answerButton.setText(getTranslation("console.agent.outcome.answer"));
        answerButton.setId("agent-answer-button");
        answerButton.addClickListener(click -> end(CallOutcome.ANSWER));
        dispatchButton.setText(getTranslation("console.agent.outcome.dispatch"));
        dispatchButton.setId("agent-dispatch-button");
        dispatchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dispatchButton.addClickListener(click -> end(CallOutcome.DISPATCH));
        emergencyNumber.setId("agent-emergency-number");
        emergencyNumber.setItems(EMERGENCY_NUMBERS);
        emergencyNumber.setPlaceholder(getTranslation("console.agent.emergency.number"));
        emergencyNumber.setAriaLabel(getTranslation("console.agent.emergency.number"));
        emergencyButton.setText(getTranslation("console.agent.outcome.emergency"));
        emergencyButton.setId("agent-emergency-button");
        emergencyButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        emergencyButton.addClickListener(click -> end(CallOutcome.EMERGENCY));
        HorizontalLayout outcomes = new HorizontalLayout(answerButton, dispatchButton, emergencyNumber,
                emergencyButton);
        outcomes.setAlignItems(FlexComponent.Alignment.BASELINE);
        outcomes.setWrap(true);
        result.setId("agent-result");

        VerticalLayout call = new VerticalLayout(new H2(getTranslation("console.agent.menu.call")), form, answer,
                outcomes, result);
        call.setPadding(false);
        HorizontalLayout split = new HorizontalLayout(call, knowledge);
        split.addClassName("desk-split");
        split.setFlexGrow(1, call);
        add(split);
        offerOutcomes();
    }

    CallDraft draft() {
        return new CallDraft(channel.getValue(), citizenName.getValue(), phone.getValue(), title.getValue(),
                content.getValue(), Optional.ofNullable(category.getValue()).map(Category::code).orElse(null),
                location.getValue(), grade.getValue());
    }

    private void lookUp(boolean typed) {
        if (typed) {
            knowledge.lookUp(title.getValue(), content.getValue());
        }
    }

    private void offerOutcomes() {
        CallDraft draft = draft();
        answerButton.setEnabled(CallOutcome.ANSWER.allowedFor(draft));
        emergencyButton.setEnabled(CallOutcome.EMERGENCY.allowedFor(draft));
        emergencyNumber.setEnabled(CallOutcome.EMERGENCY.allowedFor(draft));
    }

    private void end(CallOutcome outcome) {
        CallDraft draft = draft();
        if (!valid(draft, outcome)) {
            return;
        }
        if (created == null) {
            Optional<IntakeResult> intake = Notices.attempt(() -> api.intake(draft.toIntake(callId)));
            if (intake.isEmpty()) {
                return;
            }
            created = intake.get().ticket();
        }
        UUID id = created.id();
        Optional<TicketView> after = switch (outcome) {
            case ANSWER -> Notices.attempt(() -> api.answer(id, answer.getValue().strip()));
            case DISPATCH -> created.status() == TicketStatus.RECEIVED ? Notices.attempt(() -> api.submit(id))
                    : Optional.of(created);
            case EMERGENCY -> Notices.attempt(() -> api.emergency(id, emergencyNumber.getValue(),
                    content.getValue().strip()));
        };
        if (after.isEmpty()) {
            showResult(created, "console.agent.result.stepFailed");
            return;
        }
        showResult(after.get(), "console.agent.result.last");
        Notices.done(getTranslation("console.agent.result.done", after.get().number(),
                TicketLabels.status(after.get().status())));
        newCall();
    }

    private boolean valid(CallDraft draft, CallOutcome outcome) {
        Map<CallDraft.Field, String> problems = draft.problems();
        mark(channel, problems.get(CallDraft.Field.CHANNEL));
        mark(phone, problems.get(CallDraft.Field.PHONE));
        mark(title, problems.get(CallDraft.Field.TITLE));
        mark(content, problems.get(CallDraft.Field.CONTENT));
        boolean ok = problems.isEmpty() && outcome.allowedFor(draft);
        String answerProblem = outcome == CallOutcome.ANSWER && answer.getValue().isBlank()
                ? "console.agent.error.answer" : null;
        mark(answer, answerProblem);
        String numberProblem = outcome == CallOutcome.EMERGENCY && emergencyNumber.getValue() == null
                ? "console.agent.error.required" : null;
        mark(emergencyNumber, numberProblem);
        return ok && answerProblem == null && numberProblem == null;
    }

    private void mark(HasValidation field, String problemKey) {
        field.setInvalid(problemKey != null);
        field.setErrorMessage(problemKey == null ? null : getTranslation(problemKey));
    }

    private void showResult(TicketView ticket, String key) {
        result.removeAll();
        Anchor link = new Anchor("tickets/" + ticket.id(), ticket.number());
        link.setId("agent-result-link");
        Span status = new Span(TicketLabels.status(ticket.status()));
        status.setId("agent-result-status");
        status.addClassName("desk-status");
        status.getElement().setAttribute("data-status", ticket.status().name());
        Span text = new Span(getTranslation(key) + " ");
        result.add(text, link, new Span(" "), status);
    }

    /** Clears the form for the next call, which gets its own id. */
    private void newCall() {
        created = null;
        callId = newCallId();
        citizenName.clear();
        phone.clear();
        title.clear();
        content.clear();
        category.clear();
        location.clear();
        answer.clear();
        emergencyNumber.clear();
        channel.setValue(Channel.HOTLINE);
        grade.setValue(TicketGrade.STANDARD);
    }

    private static String newCallId() {
        return "desk-" + UUID.randomUUID();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.agent.menu.call") + " · " + getTranslation("console.title");
    }
}
