package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as its handlers see it. The citizen's phone appears only masked; the full number stays with the
 * roles that call back. {@code overlays} is never null ({@link TicketOverlays#NONE} when nothing lies over it).
 */
public record TicketView(
        UUID id,
        String number,
        Channel channel,
        TicketStatus status,
        TicketGrade grade,
        String title,
        String content,
        String categoryCode,
        String location,
        String citizenPhoneMasked,
        UUID unitId,
        UUID gridId,
        UUID assigneeId,
        Instant createdAt,
        Instant dispatchedAt,
        Instant acceptDue,
        Instant finishDue,
        long version,
        TicketOverlays overlays) {

    public TicketView {
        overlays = overlays == null ? TicketOverlays.NONE : overlays;
    }
}
