package com.hotlineops.dashboard.console.ticket;

import static com.hotlineops.contract.ticket.TicketStatus.ACCEPTED;
import static com.hotlineops.contract.ticket.TicketStatus.FEEDBACK_SUBMITTED;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_DISPATCH;
import static com.hotlineops.contract.ticket.TicketStatus.PENDING_REVISIT;
import static com.hotlineops.contract.ticket.TicketStatus.RECEIVED;
import static com.hotlineops.contract.ticket.TicketStatus.RETURN_REQUESTED;

import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;

/**
 * The steps of the lifecycle (DESIGN.md §2.2) that a desk takes, with the state each needs. Consoles offer a step
 * only on a ticket whose last known state allows it; the backend's lifecycle still decides (a ticket that moved on
 * meanwhile is refused there with a 409 and shown to the user). Extensions are an overlay on an accepted ticket: they
 * need a request waiting as well.
 */
public enum DeskAction {
    ANSWER(RECEIVED, "answer", false),
    SUBMIT(RECEIVED, "submit", false),
    EMERGENCY(RECEIVED, "emergency", false),
    DISPATCH(PENDING_DISPATCH, "dispatch", false),
    APPROVE_RETURN(RETURN_REQUESTED, "return/approve", false),
    REJECT_RETURN(RETURN_REQUESTED, "return/reject", true),
    APPROVE_EXTENSION(ACCEPTED, "extension/approve", false),
    REJECT_EXTENSION(ACCEPTED, "extension/reject", true),
    AUDIT_PASS(FEEDBACK_SUBMITTED, "audit/pass", false),
    AUDIT_REJECT(FEEDBACK_SUBMITTED, "audit/reject", true),
    REVISIT(PENDING_REVISIT, "revisit", false);

    private final TicketStatus from;
    private final String path;
    private final boolean reasonRequired;

    DeskAction(TicketStatus from, String path, boolean reasonRequired) {
        this.from = from;
        this.path = path;
        this.reasonRequired = reasonRequired;
    }

    /** Whether this step may be offered on the ticket as last seen. */
    public boolean allows(TicketView ticket) {
        if (ticket == null || ticket.status() != from) {
            return false;
        }
        boolean extension = this == APPROVE_EXTENSION || this == REJECT_EXTENSION;
        return !extension || ticket.overlays().extensionPending();
    }

    /** A step that sends work back (rejections) must say why; the backend refuses it otherwise. */
    public boolean reasonRequired() {
        return reasonRequired;
    }

    /** The route below {@code /api/v1/tickets/{id}/}. */
    String path() {
        return path;
    }
}
