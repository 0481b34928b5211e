package com.hotlineops.mobile.ticket;

import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.ticket.TicketService;
import java.util.UUID;

/**
 * Which tickets are on a phone's list. A grid worker's: those offered to their grid and not yet taken (待签收), and
 * those they accepted and are working on (办理中). A unit handler's (DESIGN.md §3, "a unit only its own"): every
 * ticket of their unit waiting to be accepted or being handled, whoever took it. A ticket leaves the list when a
 * colleague takes it (for a grid worker), when it is finished and goes to audit, or when it is returned or merged;
 * it comes back when an audit or a revisit reopens it.
 *
 * <p>The list is a subset of what the worker may see ({@link TicketService#visibleTo}), and it can be decided from
 * a {@link TicketChanged} alone, before and after the change, so the feed can tell OFFERED, CHANGED and REMOVED
 * apart without asking the database.
 */
public final class WorkerList {

    private WorkerList() {
    }

    public static boolean contains(TicketView ticket, Actor worker) {
        return TicketService.visibleTo(ticket, worker)
                && on(ticket.status(), ticket.unitId(), ticket.gridId(), ticket.assigneeId(), worker);
    }

    /** Whether the ticket was on the list just before this change. */
    public static boolean containedBefore(TicketChanged change, Actor worker) {
        // Only an accept changes the assignee of a ticket on the list, and a dispatch its grid, which it never
        // does from a listed state; so the change's own grid and assignee are also those of before.
        // Nor does any change from a listed state move the ticket to another unit.
        TicketStatus before = change.from();
        if (unitHandles(before, change.unitId(), worker)) {
            return true;
        }
        if (before == TicketStatus.DISPATCHED) {
            return sameGrid(change.gridId(), worker);
        }
        return before == TicketStatus.ACCEPTED && worker.userId().equals(change.assigneeId());
    }

    /** Whether the ticket is on the list right after this change. */
    public static boolean containedAfter(TicketChanged change, Actor worker) {
        return on(change.to(), change.unitId(), change.gridId(), change.assigneeId(), worker);
    }

    /** Whether the change concerns this worker's list at all. */
    public static boolean concerns(TicketChanged change, Actor worker) {
        return containedBefore(change, worker) || containedAfter(change, worker);
    }

    private static boolean on(TicketStatus status, UUID unitId, UUID gridId, UUID assigneeId, Actor worker) {
        if (status == null) {
            return false;
        }
        if (unitHandles(status, unitId, worker)) {
            return true;
        }
        return switch (status) {
            case DISPATCHED -> assigneeId == null && sameGrid(gridId, worker);
            case ACCEPTED -> worker.userId().equals(assigneeId);
            default -> false;
        };
    }

    private static boolean unitHandles(TicketStatus status, UUID unitId, Actor worker) {
        return worker.has(Role.UNIT_HANDLER) && worker.unitId() != null && worker.unitId().equals(unitId)
                && (status == TicketStatus.DISPATCHED || status == TicketStatus.ACCEPTED);
    }

    private static boolean sameGrid(UUID gridId, Actor worker) {
        return worker.gridId() != null && worker.gridId().equals(gridId);
    }
}
