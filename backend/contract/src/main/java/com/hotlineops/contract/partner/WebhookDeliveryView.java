package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One status callback to a partner, as administrators inspect it: what it carries, and how its delivery went.
 *
 * @param id             the delivery's id, for replaying it
 * @param eventId        the {@code eventId} of the body, the same on every attempt and replay
 * @param status         the ticket status the callback announces
 * @param attempts       attempts since it was queued or last replayed
 * @param lastHttpStatus the partner's HTTP status on the last attempt; null before the first attempt or when none came
 *                       back (timeout, refused connection)
 * @param lastError      why the last attempt failed, in one line of at most 300 characters ({@code HTTP 500: <the
 *                       first 200 characters of the answer>}, {@code connection refused: host:port}, {@code no
 *                       answer within 10 s from host:port} …, decision 0033), null after a success
 * @param nextAttemptAt  when it is due while PENDING (already due while its partner is disabled), null otherwise
 * @param replays        how often an administrator has replayed it
 */
public record WebhookDeliveryView(long id, UUID eventId, String ticketNumber, String externalId, TicketStatus status,
        Instant occurredAt, DeliveryState state, int attempts, Instant lastAttemptAt, Integer lastHttpStatus,
        String lastError, Instant nextAttemptAt, Instant deliveredAt, int replays, Instant replayedAt,
        String replayedBy) {
}
