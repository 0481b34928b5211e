package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of a status callback POSTed to a partner's webhook URL when one of its tickets changes state. Delivery is
 * at least once: a partner ignores an {@code eventId} it has already processed.
 *
 * @param externalId the partner's own id of the request, as it submitted it (null if it gave none)
 */
public record StatusCallback(String externalId, String ticketNumber, TicketStatus status, Instant occurredAt,
        String eventId) {
}
