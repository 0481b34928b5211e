package com.hotlineops.contract.ticket;

/**
 * {@code POST /api/v1/intake} (DESIGN.md §4). Idempotent on {@code (channel, externalId)} when an external id is
 * given: a partner's retry returns the ticket created by its first delivery.
 */
public record IntakeRequest(
        Channel channel,
        String externalId,
        Citizen citizen,
        String title,
        String content,
        String categoryCode,
        String location,
        TicketGrade grade,
        Boolean enterprise) {
}
