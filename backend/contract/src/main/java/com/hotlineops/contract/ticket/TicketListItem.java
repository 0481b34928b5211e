package com.hotlineops.contract.ticket;

import com.hotlineops.contract.sla.SlaState;
import java.time.Instant;

/**
 * One row of a work queue or board: the ticket, the name of its unit, and the state and due time of its worst running
 * SLA clock (DESIGN.md §2.3; null when no clock runs, e.g. before dispatch or after closing).
 */
public record TicketListItem(TicketView ticket, String unitName, SlaState sla, Instant nextDue) {
}
