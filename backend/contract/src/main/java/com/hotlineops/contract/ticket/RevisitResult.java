package com.hotlineops.contract.ticket;

/** The outcome of a revisit call (回访, DESIGN.md §2.2). */
public enum RevisitResult {
    SATISFIED,
    BASICALLY_SATISFIED,
    /** Reopens the ticket (→ ACCEPTED) and tags it UNSATISFIED for mark &amp; track. */
    UNSATISFIED,
    /** One failed attempt; the third closes the ticket. */
    UNREACHABLE
}
