package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.TicketSort;
import com.hotlineops.contract.ticket.TicketStatus;
import java.util.Objects;
import java.util.Set;

/**
 * What a desk work queue lists ({@code GET /api/v1/tickets}): tickets in these states, optionally only those with an
 * extension waiting, in this order, {@code limit} (1–100) per page.
 */
public record QueueQuery(Set<TicketStatus> statuses, Boolean extensionPending, TicketSort sort, int limit) {

    public QueueQuery {
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1–100: " + limit);
        }
    }

    /** Oldest first in one state: a first-in, first-out work queue. */
    public static QueueQuery oldestFirst(TicketStatus status, int limit) {
        return new QueueQuery(Set.of(status), null, TicketSort.CREATED, limit);
    }
}
