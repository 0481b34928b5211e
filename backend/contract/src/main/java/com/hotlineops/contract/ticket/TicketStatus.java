package com.hotlineops.contract.ticket;

/**
 * The states of a ticket (DESIGN.md §2.2). Which transitions are allowed is decided in one place, the core's
 * {@code TicketLifecycle}; this enum only names the states and which of them are final.
 */
public enum TicketStatus {
    RECEIVED,
    PENDING_DISPATCH,
    DISPATCHED,
    RETURN_REQUESTED,
    ACCEPTED,
    FEEDBACK_SUBMITTED,
    PENDING_REVISIT,
    CLOSED,
    TRANSFERRED_EMERGENCY,
    MERGED;

    /** Whether a ticket in this state still needs work (counts as open on the wall). */
    public boolean isOpen() {
        return this != CLOSED && this != TRANSFERRED_EMERGENCY && this != MERGED;
    }
}
