package com.hotlineops.core.ticket;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.TicketSort;
import com.hotlineops.contract.ticket.TicketStatus;
import java.util.Set;
import java.util.UUID;

/**
 * The filters of a work queue or board ({@code GET /api/v1/tickets}); every filter is optional and they combine with
 * "and". The caller's visibility (DESIGN.md §3) is applied on top, never replaced.
 *
 * @param statuses         any of these states; empty for all
 * @param sla              the state of the worst running clock (ON_TRACK, AT_RISK, OVERDUE, PAUSED)
 * @param tag              a mark &amp; track tag (PROMISED, UNSATISFIED, DIRECTOR_TAKEN)
 * @param supervised       only supervised (督办) tickets when true, only others when false
 * @param extensionPending only tickets with an extension request awaiting a decision when true
 * @param text             a ticket number, or words in the title
 * @param limit            page size, 1–{@value #MAX_LIMIT}
 * @param cursor           {@link com.hotlineops.contract.ticket.TicketPage#nextCursor()} of the previous page
 */
public record TicketQuery(
        Set<TicketStatus> statuses,
        UUID unitId,
        SlaState sla,
        String tag,
        Boolean supervised,
        Boolean extensionPending,
        Channel channel,
        String text,
        TicketSort sort,
        int limit,
        String cursor) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? TicketSort.CREATED : sort;
        if (limit == 0) {
            limit = DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidTicketCommandException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (sla != null && (sla == SlaState.MET || sla == SlaState.MISSED)) {
            throw new InvalidTicketCommandException("sla filters running clocks: ON_TRACK, AT_RISK, OVERDUE or PAUSED");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            throw new InvalidTicketCommandException("text is at most 100 characters");
        }
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    /** Everything the caller may see, oldest first. */
    public static TicketQuery all() {
        return new TicketQuery(Set.of(), null, null, null, null, null, null, null, TicketSort.CREATED, 0, null);
    }
}
