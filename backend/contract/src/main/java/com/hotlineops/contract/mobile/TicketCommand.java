package com.hotlineops.contract.mobile;

import java.util.UUID;

/**
 * A worker's command on a ticket: {@code mobile.accept}, {@code mobile.progress}, {@code mobile.finish},
 * {@code mobile.return}. {@code commandId} makes it idempotent: a retry returns the first result.
 *
 * @param note the progress text, the finishing report (反馈) or the reason for a return; unused by accept
 */
public record TicketCommand(UUID commandId, UUID ticketId, String note) {
}
