package com.hotlineops.core.ticket;

/** What can be done to a ticket; {@link TicketLifecycle} says from which states. */
public enum TicketAction {
    ANSWER_DIRECTLY,
    SUBMIT_FOR_DISPATCH,
    DISPATCH,
    ACCEPT,
    PROGRESS,
    /** The handler reports where they are (on site): an event with the position, no state change. */
    CHECK_IN,
    REQUEST_RETURN,
    APPROVE_RETURN,
    REJECT_RETURN,
    FINISH,
    AUDIT_PASS,
    AUDIT_REJECT,
    REVISIT_CLOSE,
    REVISIT_UNSATISFIED,
    REVISIT_UNREACHABLE,
    TRANSFER_EMERGENCY,
    REQUEST_EXTENSION,
    APPROVE_EXTENSION,
    REJECT_EXTENSION,
    PAUSE,
    SUPERVISE,
    TAG,
    RESUME,
    MERGE,
    /** A three-way call with a policy specialist (DESIGN.md §2.5): an event, the state stays. */
    THREE_WAY_CALL
}
