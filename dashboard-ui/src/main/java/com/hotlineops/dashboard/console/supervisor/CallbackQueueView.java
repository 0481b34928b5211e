package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The callback queue (漏话回拨, DESIGN.md §2.4): the queue's figures on top, then the open tasks oldest due first with
 * the number masked as the backend lists it. A supervisor claims a task (atomically in the backend: a task someone
 * else holds answers a conflict, shown as it comes), calls the full number the claim answers with, and records the
 * attempt (reached, no answer, busy; at most 3). The view asks the backend again every {@value #REFRESH_MS} ms while it
 * is open; the backend's {@code callbacks.tasks} push stream can replace this polling once the console subscribes
 * to it.
 */
@Route(value = "supervisor/callbacks", layout = ConsoleLayout.class)
@Menu(order = 51, title = "console.supervisor.menu.callbacks")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
@StyleSheet("styles/supervisor.css")
public class CallbackQueueView extends VerticalLayout implements HasDynamicTitle {

    static final int REFRESH_MS = 5_000;

    private final SupervisorBackend backend;
    private final CurrentUser user;
    private final Clock clock;
    private final Grid<CallbackTaskView> grid = new Grid<>();
    private final Span pending = figure();
    private final Span oldest = figure();
    private final Span overdue = figure();
    private final Span doneToday = figure();
    private final Span median = figure();
    private final Span held = new Span();
    private final Button claim = new Button();
    private final List<Button> outcomes;
    private CallbackTaskView mine;
    private Registration poll;

    public CallbackQueueView(SupervisorBackend backend, CurrentUser user, Clock clock) {
        this.backend = backend;
        this.user = user;
        this.clock = clock;
        setId("supervisor-callbacks");
        setSizeFull();

        Div overdueBox = box("callbacks-overdue", "console.supervisor.callbacks.overdue", overdue);
        overdueBox.addClassName("supervisor-figure-overdue");
        HorizontalLayout figures = new HorizontalLayout(
                box("callbacks-pending", "console.supervisor.callbacks.pending", pending),
                box("callbacks-oldest", "console.supervisor.callbacks.oldest", oldest), overdueBox,
                box("callbacks-done-today", "console.supervisor.callbacks.doneToday", doneToday),
                box("callbacks-median", "console.supervisor.callbacks.median", median));
        figures.setWrap(true);

        grid.setId("callbacks-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(CallbackTaskView::callerNumberMasked).setHeader(getTranslation("console.supervisor.col.caller"))
                .setAutoWidth(true);
        grid.addColumn(task -> task.queue() == null ? "—"
                : getTranslation("console.enum.queue." + task.queue().name()))
                .setHeader(getTranslation("console.supervisor.col.queue")).setAutoWidth(true);
        grid.addColumn(task -> SupervisorText.time(task.firstAbandonedAt()))
                .setHeader(getTranslation("console.supervisor.col.abandonedAt")).setAutoWidth(true);
        grid.addColumn(task -> SupervisorText.duration(Duration.between(task.firstAbandonedAt(), clock.instant()),
                this::getTranslation)).setHeader(getTranslation("console.supervisor.col.age")).setAutoWidth(true);
        grid.addColumn(task -> SupervisorText.time(task.dueAt()))
                .setHeader(getTranslation("console.supervisor.col.due")).setAutoWidth(true);
        grid.addColumn(task -> SupervisorText.countdown(task.dueAt(), clock.instant(), this::getTranslation))
                .setHeader(getTranslation("console.supervisor.col.countdown")).setAutoWidth(true);
        grid.addColumn(task -> task.attempts() + " / 3")
                .setHeader(getTranslation("console.supervisor.col.attempts")).setAutoWidth(true);
        grid.addColumn(task -> task.mergedCalls())
                .setHeader(getTranslation("console.supervisor.col.mergedCalls")).setAutoWidth(true);
        grid.addColumn(task -> task.claimedBy() == null ? "" : task.claimedBy())
                .setHeader(getTranslation("console.supervisor.col.claimedBy")).setAutoWidth(true);
        grid.setPartNameGenerator(task -> task.overdue() ? "sla-overdue" : null);
        grid.setEmptyStateText(getTranslation("console.supervisor.callbacks.empty"));
        grid.setHeight("50vh");
        grid.asSingleSelect().addValueChangeListener(change -> claim.setEnabled(change.getValue() != null));

        claim.setText(getTranslation("console.supervisor.callbacks.claim"));
        claim.setId("callbacks-claim");
        claim.setEnabled(false);
        claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        claim.addClickListener(click -> grid.asSingleSelect().getOptionalValue().ifPresent(this::claim));

        held.setId("callbacks-held");
        outcomes = List.of(outcome(CallbackOutcome.REACHED), outcome(CallbackOutcome.NO_ANSWER),
                outcome(CallbackOutcome.BUSY));
        HorizontalLayout actions = new HorizontalLayout(claim, held);
        outcomes.forEach(actions::add);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        Span refresh = new Span(getTranslation("console.supervisor.callbacks.autoRefresh", REFRESH_MS / 1000));
        refresh.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("console.supervisor.menu.callbacks")), figures, actions, grid, refresh);
        showHeld();
    }

    private static Span figure() {
        Span value = new Span("—");
        value.addClassName("supervisor-figure-value");
        return value;
    }

    private Div box(String id, String key, Span value) {
        value.setId(id);
        Div box = new Div(new Span(getTranslation(key)), value);
        box.addClassName("supervisor-figure");
        return box;
    }

    private Button outcome(CallbackOutcome outcome) {
        Button button = new Button(getTranslation("console.supervisor.outcome." + outcome.name()),
                click -> attempt(outcome));
        button.setId("callbacks-outcome-" + outcome.name().toLowerCase().replace('_', '-'));
        if (outcome == CallbackOutcome.REACHED) {
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        return button;
    }

    /** Figures and tasks from the backend; a failure is shown once and the last figures stay. */
    void refresh() {
        try {
            CallbackFigures f = backend.callbackFigures();
            pending.setText(Long.toString(f.pending()));
            oldest.setText(f.oldestPendingAgeSeconds() == null ? "—"
                    : SupervisorText.duration(Duration.ofSeconds(f.oldestPendingAgeSeconds()), this::getTranslation));
            overdue.setText(Long.toString(f.overdue()));
            doneToday.setText(Long.toString(f.doneToday()));
            median.setText(f.medianSecondsToFirstAttempt() == null ? "—" : SupervisorText.duration(
                    Duration.ofSeconds(Math.round(f.medianSecondsToFirstAttempt())), this::getTranslation));
            List<CallbackTaskView> tasks = backend.openCallbacks();
            Optional<String> selected = grid.asSingleSelect().getOptionalValue().map(CallbackTaskView::id);
            grid.setItems(tasks);
            selected.flatMap(id -> tasks.stream().filter(task -> task.id().equals(id)).findFirst())
                    .ifPresent(grid::select);
            if (mine != null && tasks.stream().noneMatch(task -> task.id().equals(mine.id())
                    && user.require().username().equals(task.claimedBy()))) {
                mine = null; // closed, or the claim lapsed and someone else took it
            }
            showHeld();
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
    }

    private void claim(CallbackTaskView task) {
        try {
            mine = backend.claim(task.id());
            SupervisorText.done(getTranslation("console.supervisor.callbacks.claimed", mine.callerNumber()));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
        refresh();
    }

    private void attempt(CallbackOutcome outcome) {
        if (mine == null) {
            return;
        }
        try {
            CallbackTaskView after = backend.attempt(mine.id(), outcome);
            mine = null;
            SupervisorText.done(getTranslation("console.supervisor.callbacks.recorded",
                    getTranslation("console.supervisor.outcome." + outcome.name()), after.attempts()));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
        refresh();
    }

    /** The task this supervisor holds, with the full number to dial; outcomes are only for that task. */
    private void showHeld() {
        held.setText(mine == null ? getTranslation("console.supervisor.callbacks.noneHeld")
                : getTranslation("console.supervisor.callbacks.held", mine.callerNumber(), mine.attempts() + 1));
        outcomes.forEach(button -> button.setEnabled(mine != null));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        refresh();
        attach.getUI().setPollInterval(REFRESH_MS);
        poll = attach.getUI().addPollListener(event -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        poll.remove();
        if (detach.getUI().getPollInterval() == REFRESH_MS) { // not if the next view has set its own already
            detach.getUI().setPollInterval(-1);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.supervisor.menu.callbacks") + " · " + getTranslation("console.title");
    }
}
