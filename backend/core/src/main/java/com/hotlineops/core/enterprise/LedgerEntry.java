package com.hotlineops.core.enterprise;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;

/**
 * One line of the enterprise ledger (台账, DESIGN.md §2.5): an enterprise ticket with its company, where it went, and
 * how its audit and revisit ended so far.
 *
 * @param unitName       the township/department it is dispatched to, null while not dispatched
 * @param closedAt       when it was closed, null while open
 * @param auditedBy      the auditor of the last passed audit, null before one
 * @param revisitResult  the result of the last revisit call ({@code RevisitResult} name), null before one
 * @param threeWayCalls  three-way calls with policy specialists recorded on it
 */
public record LedgerEntry(String number, Instant createdAt, Channel channel, TicketGrade grade, String companyName,
        String creditCode, String categoryCode, String title, String unitName, TicketStatus status, Instant finishDue,
        Instant closedAt, String auditedBy, String revisitResult, long threeWayCalls) {
}
