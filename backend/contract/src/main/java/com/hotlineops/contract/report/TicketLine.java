package com.hotlineops.contract.report;

import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/** A ticket as a report lists it; {@code id} lets a console link to the ticket. */
public record TicketLine(UUID id, String number, Instant createdAt, String title, String categoryCode, String unitName,
        TicketStatus status) {
}
