package com.hotlineops.contract.ticket;

import java.util.UUID;

/**
 * A handler's command from a desk (accept, progress, finish, return), the HTTP twin of the mobile
 * {@code TicketCommand}: {@code commandId} makes a retry return the first result instead of acting twice.
 */
public record DeskCommand(UUID commandId, String note) {
}
