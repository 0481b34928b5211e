package com.hotlineops.contract.mobile;

import com.hotlineops.contract.ticket.TicketView;
import java.util.UUID;

/** The outcome of a ticket command; {@code replayed} is true when this answers a retry. */
public record CommandResult(UUID commandId, TicketView ticket, boolean replayed) {
}
