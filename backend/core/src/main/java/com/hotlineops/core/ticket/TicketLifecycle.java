package com.hotlineops.core.ticket;

import static com.hotlineops.contract.ticket.TicketStatus.ACCEPTED;
import static com.hotlineops.contract.ticket.TicketStatus.CLOSED;
import static com.hotlineops.contract.ticket.TicketStatus.DISPATCHED;
import static com.hotlineops.contract.ticket.TicketStatus.FEEDBACK_SUBMITTED;
import static com.hotlineops.contract.ticket.TicketStatus.MERGED;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_DISPATCH;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_REVISIT;
import static com.hotlineops.contract.ticket.TicketStatus.RECEIVED;
import static com.hotlineops.contract.ticket.TicketStatus.RETURN_REQUESTED;
import static com.hotlineops.contract.ticket.TicketStatus.TRANSFERRED_EMERGENCY;

import com.hotlineops.contract.ticket.TicketStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what may happen next to a ticket (DESIGN.md §2.2). Any open state may also be
 * merged into a parent ticket or put under supervision (督办) or tagged for mark &amp; track, and have three-way calls recorded (overlays: the state stays). A rejected return goes back to the state the return was requested from
 * ({@link #next(TicketStatus, TicketAction, TicketStatus)}); an unreachable revisit keeps the ticket waiting for
 * revisit, and the caller closes it with {@code REVISIT_CLOSE} at the third attempt.
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        allow(RECEIVED, TicketAction.ANSWER_DIRECTLY, CLOSED);
        allow(RECEIVED, TicketAction.SUBMIT_FOR_DISPATCH, PENDING_DISPATCH);
        allow(RECEIVED, TicketAction.TRANSFER_EMERGENCY, TRANSFERRED_EMERGENCY);
        allow(PENDING_DISPATCH, TicketAction.DISPATCH, DISPATCHED);
        allow(DISPATCHED, TicketAction.ACCEPT, ACCEPTED);
        allow(DISPATCHED, TicketAction.REQUEST_RETURN, RETURN_REQUESTED);
        allow(ACCEPTED, TicketAction.REQUEST_RETURN, RETURN_REQUESTED);
        allow(RETURN_REQUESTED, TicketAction.APPROVE_RETURN, PENDING_DISPATCH);
        allow(RETURN_REQUESTED, TicketAction.REJECT_RETURN, DISPATCHED);
        allow(ACCEPTED, TicketAction.PROGRESS, ACCEPTED);
        allow(ACCEPTED, TicketAction.CHECK_IN, ACCEPTED);
        allow(ACCEPTED, TicketAction.FINISH, FEEDBACK_SUBMITTED);
        // Overlays on the finish clock: the state stays, the service guards the overlay's own condition.
        allow(ACCEPTED, TicketAction.REQUEST_EXTENSION, ACCEPTED);
        allow(ACCEPTED, TicketAction.APPROVE_EXTENSION, ACCEPTED);
        allow(ACCEPTED, TicketAction.REJECT_EXTENSION, ACCEPTED);
        allow(ACCEPTED, TicketAction.PAUSE, ACCEPTED);
        allow(ACCEPTED, TicketAction.RESUME, ACCEPTED);
        allow(FEEDBACK_SUBMITTED, TicketAction.AUDIT_PASS, PENDING_REVISIT);
        allow(FEEDBACK_SUBMITTED, TicketAction.AUDIT_REJECT, ACCEPTED);
        allow(PENDING_REVISIT, TicketAction.REVISIT_CLOSE, CLOSED);
        allow(PENDING_REVISIT, TicketAction.REVISIT_UNSATISFIED, ACCEPTED);
        allow(PENDING_REVISIT, TicketAction.REVISIT_UNREACHABLE, PENDING_REVISIT);
        for (TicketStatus s : TicketStatus.values()) {
            if (s.isOpen()) {
                allow(s, TicketAction.MERGE, MERGED);
                allow(s, TicketAction.SUPERVISE, s);
                allow(s, TicketAction.TAG, s);
                allow(s, TicketAction.THREE_WAY_CALL, s);
            }
        }
    }

    private TicketLifecycle() {
    }

    private static void allow(TicketStatus from, TicketAction action, TicketStatus to) {
        NEXT.computeIfAbsent(from, s -> new EnumMap<>(TicketAction.class)).put(action, to);
    }

    /** The state after {@code action}, or {@link IllegalTransitionException} naming what is allowed instead. */
    public static TicketStatus next(TicketStatus from, TicketAction action) {
        TicketStatus to = NEXT.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action, allowed(from));
        }
        return to;
    }

    /**
     * Like {@link #next(TicketStatus, TicketAction)}, but {@code REJECT_RETURN} goes back to {@code returnedFrom}
     * (DISPATCHED or ACCEPTED; DISPATCHED when unknown).
     */
    public static TicketStatus next(TicketStatus from, TicketAction action, TicketStatus returnedFrom) {
        TicketStatus to = next(from, action);
        if (action == TicketAction.REJECT_RETURN && returnedFrom == ACCEPTED) {
            return ACCEPTED;
        }
        return to;
    }

    public static Set<TicketAction> allowed(TicketStatus from) {
        return Collections.unmodifiableSet(NEXT.getOrDefault(from, Map.of()).keySet());
    }
}
