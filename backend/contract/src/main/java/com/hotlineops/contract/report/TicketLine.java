package com.hotlineops.contract.report;

import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;

/** A ticket as a report lists it. */
public record TicketLine(String number, Instant createdAt, String title, String categoryCode, String unitName,
        TicketStatus status) {
}
