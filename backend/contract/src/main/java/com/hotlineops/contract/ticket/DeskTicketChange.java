package com.hotlineops.contract.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * A ticket that entered, left or changed within a desk's queue: which one, the state it is in now and its
 * {@code version} after the change. Nothing else, no citizen data: the console reads its queue page again over HTTP.
 */
public record DeskTicketChange(UUID ticketId, TicketStatus status, long version) {

    public DeskTicketChange {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(status, "status");
    }
}
