package com.hotlineops.core.ticket;

import java.util.UUID;

/** No such ticket, or none the caller may see: the two are deliberately indistinguishable. */
public final class TicketNotFoundException extends TicketProblem {

    public TicketNotFoundException(UUID id) {
        super("Ticket " + id + " not found");
    }
}
