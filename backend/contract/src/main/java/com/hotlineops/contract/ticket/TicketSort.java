package com.hotlineops.contract.ticket;

/** Orders of {@code GET /api/v1/tickets}. */
public enum TicketSort {
    /** Oldest first: a first-in, first-out work queue. */
    CREATED,
    /** Nearest running deadline first; tickets without a running clock last. */
    DUE
}
