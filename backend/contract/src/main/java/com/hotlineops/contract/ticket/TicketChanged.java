package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket event as published on the event stream (one per committed change, in commit order per ticket).
 * {@code version} grows by one per change, so a consumer can ignore anything it has already applied.
 */
public record TicketChanged(
        UUID ticketId,
        String number,
        String type,
        TicketStatus from,
        TicketStatus to,
        UUID unitId,
        UUID gridId,
        UUID assigneeId,
        String actor,
        Instant occurredAt,
        Instant acceptDue,
        Instant finishDue,
        long version) {
}
