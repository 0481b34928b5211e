package com.hotlineops.server.desk;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.ticket.TicketAction;
import com.hotlineops.core.ticket.TicketList;
import com.hotlineops.core.ticket.TicketService;
import java.util.Set;

/**
 * What each desk's queue holds, as far as a ticket change can tell, and who may follow it. The queues are those the
 * consoles list ({@code GET /api/v1/tickets}): dispatch — {@code PENDING_DISPATCH}, {@code RETURN_REQUESTED} and
 * {@code ACCEPTED} with an extension waiting; audit — {@code FEEDBACK_SUBMITTED}; revisit — {@code PENDING_REVISIT}.
 */
final class DeskQueues {

    private static final Set<String> EXTENSION_QUEUE_CHANGES = Set.of(TicketAction.REQUEST_EXTENSION.name(),
            TicketAction.APPROVE_EXTENSION.name(), TicketAction.REJECT_EXTENSION.name(), TicketAction.PAUSE.name(),
            TicketAction.RESUME.name(), TicketService.DEADLINES_MOVED);

    private DeskQueues() {
    }

    /**
     * Whether {@code change} may have made a ticket enter, leave or change within the desk's queue. For the extension
     * queue: the extension steps and what moves or stops the finish deadline the queue shows, and leaving
     * {@code ACCEPTED} (a request still waiting lapses then; the change alone cannot tell whether one was, so every
     * such change counts). Entering {@code ACCEPTED} does not: a ticket never comes back to it with a request waiting
     * (decision 0045). Progress notes, check-ins and the like on accepted tickets do not either.
     */
    static boolean concerns(Desk desk, TicketChanged change) {
        return switch (desk) {
            case DISPATCH -> touches(change, TicketStatus.PENDING_DISPATCH)
                    || touches(change, TicketStatus.RETURN_REQUESTED)
                    || (change.from() == TicketStatus.ACCEPTED && change.to() != TicketStatus.ACCEPTED)
                    || (change.to() == TicketStatus.ACCEPTED && EXTENSION_QUEUE_CHANGES.contains(change.type()));
            case AUDIT -> touches(change, TicketStatus.FEEDBACK_SUBMITTED);
            case REVISIT -> touches(change, TicketStatus.PENDING_REVISIT);
        };
    }

    private static boolean touches(TicketChanged change, TicketStatus status) {
        return change.from() == status || change.to() == status;
    }

    /**
     * Whether {@code actor} may follow the desk: its role, as the desk's console and steps require (DESIGN.md §3),
     * or an administrator; and seeing every ticket in the list, since the changes are not filtered by unit or grid.
     */
    static boolean mayFollow(Desk desk, Actor actor) {
        Role role = switch (desk) {
            case DISPATCH -> Role.DISPATCHER;
            case AUDIT -> Role.AUDITOR;
            case REVISIT -> Role.REVISIT;
        };
        return actor.hasAny(role, Role.ADMIN) && TicketList.seesEveryTicket(actor);
    }
}
