package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.security.CurrentUser;
import com.hotlineops.dashboard.console.PushedToView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The callback queue (漏话回拨, DESIGN.md §2.4): the queue's figures on top, then the open tasks oldest due first with
 * the number masked as the backend lists it. A supervisor claims a task (atomically in the backend: a task someone
 * else holds answers a conflict, shown as it comes), calls the full number the claim answers with, and records the
 * attempt (reached, no answer, busy; at most 3).
 *
 * <p>The list is live (decision 0040): while the view is attached it follows the backend's {@code callbacks.tasks}
 * stream with the user's own token (numbers are masked per subscriber), a snapshot and then each change, arriving
 * through {@link UI#access}. When the stream ends (the backend drops a subscriber that fell behind or may have missed
 * changes, or the connection is lost) the view says the list may be out of date and subscribes again with backoff,
 * for a fresh snapshot. A stream the backend ended because its token expired (decision 0043) is opened again at
 * once with a refreshed token and is not shown as interrupted unless its snapshot takes longer than
 * {@link #RENEWAL_GRACE}. The figures come from {@code GET /api/v1/callbacks/figures}: on opening, then after changes
 * (at most once per {@link #FIGURES_EVERY}), and when an open task passes its due time or the day ends in Shanghai.
 * Ages and countdowns are recomputed every {@link #TICK} from what the view has, without asking the backend.
 */
@Route(value = "supervisor/callbacks", layout = ConsoleLayout.class)
@Menu(order = 51, title = "console.supervisor.menu.callbacks")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
@StyleSheet("styles/supervisor.css")
public class CallbackQueueView extends VerticalLayout implements HasDynamicTitle {

    /** Countdowns are shown to the minute against a 30 min deadline: a few seconds late is still the right minute. */
    static final Duration TICK = Duration.ofSeconds(15);

    /** However fast changes arrive, the figures are asked for at most this often (the newest change always counts). */
    static final Duration FIGURES_EVERY = Duration.ofSeconds(1);

    /**
     * A stream renewed because its token expired normally brings its snapshot within milliseconds; only one that has
     * not after this long is shown as interrupted.
     */
    static final Duration RENEWAL_GRACE = Duration.ofSeconds(2);

    /** Where the list stands with the stream. */
    enum Link {
        /** No snapshot yet since the view was opened. */
        CONNECTING,
        /** Following the stream: the list is current. */
        LIVE,
        /** The stream ended and the view is subscribing again: the list is as it was when that happened. */
        RECONNECTING
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackQueueView.class);

    private final SupervisorBackend backend;
    private final CurrentUser user;
    private final Clock clock;
    private final CallbackTasks tasks = new CallbackTasks();
    private final List<CallbackTaskView> rows = new ArrayList<>();
    private final ListDataProvider<CallbackTaskView> rowProvider = new ListDataProvider<>(rows) {
        @Override
        public Object getId(CallbackTaskView task) {
            return task.id(); // a newer copy of the selected task stays selected
        }
    };
    private final Grid<CallbackTaskView> grid = new Grid<>();
    private final Span pending = figure();
    private final Span oldest = figure();
    private final Span overdue = figure();
    private final Span doneToday = figure();
    private final Span median = figure();
    private final Span link = new Span();
    private final Span held = new Span();
    private final Button claim = new Button();
    private final List<Button> outcomes;
    private CallbackTaskView mine;
    private String username;
    private Link linkState = Link.CONNECTING;
    private CallbackFigures figures;
    /** When the figures were last asked for, when the ones shown came, and when they go out of date by themselves. */
    private Instant figuresAskedAt;
    private Instant figuresAt;
    private Instant figuresUntil;
    /** Set from scheduling a refresh until it runs on the UI (the timer's task is done before that). */
    private boolean figuresScheduled;
    private Disposable figuresLater = Disposables.disposed();
    /** Items received from the stream since the view was opened, to tell whether a renewal has brought any. */
    private long itemsReceived;
    private Disposable renewalCheck = Disposables.disposed();
    private Disposable subscription = Disposables.disposed();

    public CallbackQueueView(SupervisorBackend backend, CurrentUser user, Clock clock) {
        this.backend = backend;
        this.user = user;
        this.clock = clock;
        setId("supervisor-callbacks");
        setSizeFull();

        Div overdueBox = box("callbacks-overdue", "console.supervisor.callbacks.overdue", overdue);
        overdueBox.addClassName("supervisor-figure-overdue");
        HorizontalLayout figureBoxes = new HorizontalLayout(
                box("callbacks-pending", "console.supervisor.callbacks.pending", pending),
                box("callbacks-oldest", "console.supervisor.callbacks.oldest", oldest), overdueBox,
                box("callbacks-done-today", "console.supervisor.callbacks.doneToday", doneToday),
                box("callbacks-median", "console.supervisor.callbacks.median", median));
        figureBoxes.setWrap(true);

        grid.setId("callbacks-grid");
        grid.setItems(rowProvider);
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
        // From the due time, not the task's overdue flag: that was true when the task last changed.
        grid.setPartNameGenerator(task -> task.dueAt() != null && task.dueAt().isBefore(clock.instant())
                ? "sla-overdue" : null);
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
        link.setId("callbacks-live");
        link.addClassName("supervisor-live");
        add(new H2(getTranslation("console.supervisor.menu.callbacks")), figureBoxes, actions, link, grid);
        showLink();
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

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        username = user.require().username();
        linkState = Link.CONNECTING;
        showLink();
        refreshFigures(); // at once, while the stream connects
        Disposable stream = backend.callbackTasks(lost -> PushedToView.later(ui, this, () -> lost(lost)))
                .subscribe(item -> PushedToView.later(ui, this, () -> received(item)),
                        error -> log.error("Callback queue stream stopped for good", error));
        Disposable ticks = Flux.interval(TICK, TICK).subscribe(tick -> PushedToView.later(ui, this, this::tick));
        subscription = Disposables.composite(stream, ticks);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        subscription.dispose();
        figuresLater.dispose();
        renewalCheck.dispose();
        figuresScheduled = false;
    }


    private void received(CallbackStreamItem item) {
        itemsReceived++;
        tasks.apply(item);
        linkState = Link.LIVE;
        showLink();
        showTasks();
        figuresWanted();
    }

    private void lost(Throwable why) {
        log.debug("Callback queue stream ended, subscribing again: {}", why.toString());
        if (linkState != Link.LIVE) {
            return;
        }
        if (TokenExpired.is(why)) {
            long before = itemsReceived;
            getUI().ifPresent(ui -> {
                renewalCheck.dispose();
                renewalCheck = Schedulers.parallel().schedule(() -> PushedToView.later(ui, this, () -> {
                    if (itemsReceived == before) {
                        reconnecting();
                    }
                }), RENEWAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            });
            return;
        }
        reconnecting();
    }

    private void reconnecting() {
        if (linkState == Link.LIVE) {
            linkState = Link.RECONNECTING;
            showLink();
        }
    }

    private void tick() {
        rowProvider.refreshAll(); // ages, countdowns, overdue rows
        showOldest();
        if (figuresUntil != null && !clock.instant().isBefore(figuresUntil)) {
            figuresWanted();
        }
    }

    private void showTasks() {
        rows.clear();
        rows.addAll(tasks.open());
        rowProvider.refreshAll();
        grid.asSingleSelect().getOptionalValue().filter(task -> tasks.get(task.id()).isEmpty())
                .ifPresent(task -> grid.deselectAll());
        if (mine != null && !tasks.stillHeld(mine, username)) {
            mine = null; // closed, attempted, or the claim lapsed and someone else took it
        }
        if (mine == null) {
            // Opened again (a reload, another window): the task this user holds comes back with the snapshot, with the
            // full number the stream gives its claimant; an attempt clears the claim, so a done task never returns.
            mine = rows.stream().filter(task -> username != null && username.equals(task.claimedBy())).findFirst()
                    .orElse(null);
        }
        showHeld();
    }

    private void showLink() {
        link.setText(getTranslation("console.supervisor.callbacks.link." + linkState.name()));
        link.getElement().setAttribute("data-link", linkState.name().toLowerCase());
        link.setClassName("supervisor-live-down", linkState == Link.RECONNECTING);
        grid.setClassName("supervisor-callbacks-stale", linkState == Link.RECONNECTING);
        grid.setEmptyStateText(getTranslation(linkState == Link.CONNECTING ? "console.supervisor.callbacks.loading"
                : "console.supervisor.callbacks.empty"));
    }

    /** The figures again, now or once {@link #FIGURES_EVERY} has passed since they were last asked for. */
    private void figuresWanted() {
        if (figuresScheduled) {
            return; // asked for already: that answer will include this change too
        }
        Instant now = clock.instant();
        Instant next = figuresAskedAt == null ? now : figuresAskedAt.plus(FIGURES_EVERY);
        if (!now.isBefore(next)) {
            refreshFigures();
            return;
        }
        getUI().ifPresent(ui -> {
            figuresScheduled = true;
            figuresLater = Schedulers.parallel().schedule(() -> PushedToView.later(ui, this, () -> {
                figuresScheduled = false;
                refreshFigures();
            }), Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Figures from the backend; a failure is shown and the last figures stay. */
    private void refreshFigures() {
        figuresAskedAt = clock.instant();
        try {
            CallbackFigures f = backend.callbackFigures();
            figures = f;
            figuresAt = figuresAskedAt;
            pending.setText(Long.toString(f.pending()));
            overdue.setText(Long.toString(f.overdue()));
            doneToday.setText(Long.toString(f.doneToday()));
            median.setText(f.medianSecondsToFirstAttempt() == null ? "—" : SupervisorText.duration(
                    Duration.ofSeconds(Math.round(f.medianSecondsToFirstAttempt())), this::getTranslation));
            showOldest();
            Instant midnight = figuresAt.atZone(SupervisorText.ZONE).toLocalDate().plusDays(1)
                    .atStartOfDay(SupervisorText.ZONE).toInstant();
            figuresUntil = tasks.nextDueAfter(figuresAt).filter(due -> due.isBefore(midnight)).orElse(midnight);
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
    }

    /** The oldest task's age as the figures gave it, grown by the time since. */
    private void showOldest() {
        if (figures == null || figures.oldestPendingAgeSeconds() == null) {
            oldest.setText("—");
            return;
        }
        Duration since = Duration.between(figuresAt, clock.instant());
        oldest.setText(SupervisorText.duration(Duration.ofSeconds(figures.oldestPendingAgeSeconds()).plus(since),
                this::getTranslation));
    }

    private void claim(CallbackTaskView task) {
        try {
            mine = backend.claim(task.id());
            tasks.apply(mine);
            SupervisorText.done(getTranslation("console.supervisor.callbacks.claimed", mine.callerNumber()));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
        showTasks();
    }

    private void attempt(CallbackOutcome outcome) {
        if (mine == null) {
            return;
        }
        try {
            CallbackTaskView after = backend.attempt(mine.id(), outcome);
            mine = null;
            tasks.apply(after);
            SupervisorText.done(getTranslation("console.supervisor.callbacks.recorded",
                    getTranslation("console.supervisor.outcome." + outcome.name()), after.attempts()));
            figuresWanted();
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
        showTasks();
    }

    /** The task this supervisor holds, with the full number to dial; outcomes are only for that task. */
    private void showHeld() {
        held.setText(mine == null ? getTranslation("console.supervisor.callbacks.noneHeld")
                : getTranslation("console.supervisor.callbacks.held", mine.callerNumber(), mine.attempts() + 1));
        outcomes.forEach(button -> button.setEnabled(mine != null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.supervisor.menu.callbacks") + " · " + getTranslation("console.title");
    }
}
