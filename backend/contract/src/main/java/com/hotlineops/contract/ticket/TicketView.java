package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as its handlers see it. The citizen's phone appears only masked; the full number stays with the
 * roles that call back.
 *
 * @param overlays   what lies over its state (tags, supervision, pause, extension…); never null
 *                   ({@link TicketOverlays#NONE} when nothing does)
 * @param enterprise the company of an enterprise ticket (政企通, DESIGN.md §2.5; its fields may be null when not
 *                   given), null for a citizen's ticket
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
        TicketOverlays overlays,
        EnterpriseProfile enterprise) {

    public TicketView {
        overlays = overlays == null ? TicketOverlays.NONE : overlays;
    }

    /** A citizen's ticket (not an enterprise one) with nothing over its state. */
    public TicketView(UUID id, String number, Channel channel, TicketStatus status, TicketGrade grade, String title,
            String content, String categoryCode, String location, String citizenPhoneMasked, UUID unitId, UUID gridId,
            UUID assigneeId, Instant createdAt, Instant dispatchedAt, Instant acceptDue, Instant finishDue,
            long version) {
        this(id, number, channel, status, grade, title, content, categoryCode, location, citizenPhoneMasked, unitId,
                gridId, assigneeId, createdAt, dispatchedAt, acceptDue, finishDue, version, null, null);
    }
}
