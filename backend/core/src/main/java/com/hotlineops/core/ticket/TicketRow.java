package com.hotlineops.core.ticket;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.EnterpriseProfile;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as stored. Changes are made by copying, so a failed command leaves the loaded row untouched. The overlays
 * are as read; commands that change them write them with their own statements and re-read the row.
 *
 * @param enterprise the company of an enterprise ticket (DESIGN.md §2.5), null for a citizen's ticket
 */
record TicketRow(
        UUID id,
        String number,
        Channel channel,
        String externalId,
        TicketStatus status,
        TicketGrade grade,
        String title,
        String content,
        String categoryCode,
        String location,
        String citizenName,
        String citizenPhone,
        UUID unitId,
        UUID gridId,
        UUID assigneeId,
        Instant createdAt,
        Instant updatedAt,
        Instant dispatchedAt,
        Instant acceptDue,
        Instant finishDue,
        long version,
        TicketOverlays overlays,
        EnterpriseProfile enterprise) {

    TicketRow moved(TicketStatus to, Instant at) {
        return new TicketRow(id, number, channel, externalId, to, grade, title, content, categoryCode, location,
                citizenName, citizenPhone, unitId, gridId, assigneeId, createdAt, at, dispatchedAt, acceptDue,
                finishDue, version + 1, overlays, enterprise);
    }

    TicketRow dispatched(UUID unit, UUID grid, Instant at, Instant acceptBy, Instant finishBy) {
        return new TicketRow(id, number, channel, externalId, status, grade, title, content, categoryCode, location,
                citizenName, citizenPhone, unit, grid, null, createdAt, updatedAt, at, acceptBy, finishBy, version,
                overlays, enterprise);
    }

    TicketRow withDeadlines(Instant acceptBy, Instant finishBy) {
        return new TicketRow(id, number, channel, externalId, status, grade, title, content, categoryCode, location,
                citizenName, citizenPhone, unitId, gridId, assigneeId, createdAt, updatedAt, dispatchedAt, acceptBy,
                finishBy, version, overlays, enterprise);
    }

    TicketRow assignedTo(UUID assignee) {
        return new TicketRow(id, number, channel, externalId, status, grade, title, content, categoryCode, location,
                citizenName, citizenPhone, unitId, gridId, assignee, createdAt, updatedAt, dispatchedAt, acceptDue,
                finishDue, version, overlays, enterprise);
    }

    TicketView view() {
        return new TicketView(id, number, channel, status, grade, title, content, categoryCode, location,
                PhoneNumbers.mask(citizenPhone), unitId, gridId, assigneeId, createdAt, dispatchedAt, acceptDue,
                finishDue, version, overlays, enterprise);
    }

    /** An enterprise ticket (DESIGN.md §2.5): audited by the business-environment office, always revisited. */
    boolean isEnterprise() {
        return enterprise != null;
    }
}
