package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/v1/tickets/{id}/three-way-calls}: a three-way call with a policy specialist (三方通话, DESIGN.md
 * §2.5), recorded on the ticket as an event. {@code commandId} makes a retry return the first result.
 *
 * @param calledAt when the call took place; the time of recording when null, never in the future
 * @param note     what the specialist said, optional
 */
public record ThreeWayCallRequest(UUID commandId, String specialistName, String specialistUnit, Instant calledAt,
        String note) {
}
