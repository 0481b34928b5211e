package com.hotlineops.contract.shift;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/** A director-taken ticket on the director's page, with its finish clock's state (null before dispatch). */
public record DirectorTicket(UUID id, String number, String title, TicketStatus status, Instant createdAt,
        Instant finishDue, SlaState finishState) {
}
