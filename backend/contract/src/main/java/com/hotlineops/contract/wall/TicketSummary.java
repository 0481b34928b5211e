package com.hotlineops.contract.wall;

import com.hotlineops.contract.ticket.TicketStatus;
import java.util.Map;

/** Open tickets in total and per state. */
public record TicketSummary(long open, Map<TicketStatus, Long> byStatus) {

    public TicketSummary {
        byStatus = Map.copyOf(byStatus);
    }

    public static final TicketSummary NONE = new TicketSummary(0, Map.of());
}
