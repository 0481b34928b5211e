package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.contract.ticket.DeskTicketChange;
import com.hotlineops.dashboard.console.PushedToView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps a desk's work queues live (decision 0044) and says whether they are: while attached it follows the desk's
 * changes ({@link DeskStream}, the user's own token) and on each one reads the queue shown again
 * ({@link TicketQueue#refresh}) — at most once per {@link #REFRESH_EVERY} however fast changes come, the newest always
 * counting — keeping the user's selection while that ticket is still listed. When the stream ends (the backend drops
 * a subscriber that fell behind or may have missed changes, or the connection is lost) it says the queues may be out
 * of date and subscribes again with backoff; the new stream's opening reads the queue again, as does the first one,
 * since changes may have come between the view's first read and the stream being open. Detached, it cancels.
 */
public class DeskLink extends Span {

    /** However fast changes arrive, the queue shown is read at most this often (the newest change always counts). */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(1);

    /** Where the queues stand with the stream. */
    enum State {
        /** Not following yet since the view was opened. */
        CONNECTING,
        /** Following the stream: the queue shown is current. */
        LIVE,
        /** The stream ended and the view is subscribing again: the queues are as they were when that happened. */
        RECONNECTING
    }

    private static final Logger log = LoggerFactory.getLogger(DeskLink.class);

    private final DeskStream stream;
    private final Clock clock;
    private final Desk desk;
    private final List<TicketQueue> queues;
    private final Supplier<TicketQueue> shown;
    /** Changes since the queue was last read, newest version per ticket. */
    private final Map<UUID, DeskTicketChange> changes = new LinkedHashMap<>();
    private State state = State.CONNECTING;
    private Instant refreshedAt;
    /** Set from scheduling a read until it runs on the UI (the timer's task is done before that). */
    private boolean refreshScheduled;
    private Disposable refreshLater = Disposables.disposed();
    private Disposable subscription = Disposables.disposed();

    /**
     * @param queues the desk's queues, marked as possibly out of date while the stream is away
     * @param shown  the queue the user sees now: the one read again on a change (the others are read when shown)
     */
    public DeskLink(DeskStream stream, Clock clock, Desk desk, String id, List<TicketQueue> queues,
            Supplier<TicketQueue> shown) {
        this.stream = stream;
        this.clock = clock;
        this.desk = desk;
        this.queues = List.copyOf(queues);
        this.shown = shown;
        setId(id);
        addClassName("desk-live");
        show();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        state = State.CONNECTING;
        show();
        subscription = stream.follow(desk, lost -> PushedToView.later(ui, this, () -> lost(lost)))
                .subscribe(item -> PushedToView.later(ui, this, () -> received(item)),
                        error -> log.error("{} desk stream stopped for good", desk, error));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        subscription.dispose();
        refreshLater.dispose();
        refreshScheduled = false;
    }


    private void received(DeskStreamItem item) {
        item.changes().forEach(c -> changes.merge(c.ticketId(), c, (a, b) -> b.version() >= a.version() ? b : a));
        if (state != State.LIVE) {
            state = State.LIVE;
            show();
        }
        refreshWanted();
    }

    private void lost(Throwable why) {
        log.debug("{} desk stream ended, subscribing again: {}", desk, why.toString());
        if (state == State.LIVE) {
            state = State.RECONNECTING;
            show();
        }
    }

    /** The queue shown read again, now or once {@link #REFRESH_EVERY} has passed since it was last read. */
    private void refreshWanted() {
        if (refreshScheduled) {
            return; // that read will include this change too
        }
        Instant now = clock.instant();
        Instant next = refreshedAt == null ? now : refreshedAt.plus(REFRESH_EVERY);
        if (!now.isBefore(next)) {
            refresh();
            return;
        }
        getUI().ifPresent(ui -> {
            refreshScheduled = true;
            refreshLater = Schedulers.parallel().schedule(() -> PushedToView.later(ui, this, () -> {
                refreshScheduled = false;
                refresh();
            }), Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void refresh() {
        refreshedAt = clock.instant();
        Map<UUID, DeskTicketChange> seen = Map.copyOf(changes);
        changes.clear();
        shown.get().refresh(seen);
    }

    private void show() {
        setText(getTranslation("console.desk.link." + state.name()));
        getElement().setAttribute("data-link", state.name().toLowerCase());
        setClassName("desk-live-down", state == State.RECONNECTING);
        queues.forEach(q -> q.stale(state == State.RECONNECTING));
    }
}
