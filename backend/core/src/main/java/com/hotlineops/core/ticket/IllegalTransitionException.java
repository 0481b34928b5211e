package com.hotlineops.core.ticket;

import com.hotlineops.contract.ticket.TicketStatus;
import java.util.Set;

/** The action is not allowed in the ticket's current state; nothing was changed. */
public final class IllegalTransitionException extends TicketProblem {

    private final TicketStatus current;
    private final TicketAction action;
    private final Set<TicketAction> allowed;

    IllegalTransitionException(TicketStatus current, TicketAction action, Set<TicketAction> allowed) {
        this(current, action, allowed, "Cannot " + action + " a ticket in state " + current + "; allowed: " + allowed);
    }

    /** With a message that says why a transition the state table allows is refused for this ticket. */
    IllegalTransitionException(TicketStatus current, TicketAction action, Set<TicketAction> allowed, String message) {
        super(message);
        this.current = current;
        this.action = action;
        this.allowed = Set.copyOf(allowed);
    }

    public TicketStatus current() {
        return current;
    }

    public TicketAction action() {
        return action;
    }

    public Set<TicketAction> allowed() {
        return allowed;
    }
}
