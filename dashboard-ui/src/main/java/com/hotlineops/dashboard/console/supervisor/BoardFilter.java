package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.util.UriBuilder;

/**
 * What a supervisor filters the open tickets by; every part is optional. The board always asks for open tickets
 * only, nearest running deadline first ({@code sort=DUE}), so the most urgent work is on top.
 *
 * @param sla        state of the worst running clock: ON_TRACK, AT_RISK, OVERDUE or PAUSED
 * @param tag        PROMISED, UNSATISFIED or DIRECTOR_TAKEN
 * @param supervised true: supervised (督办) only; false: not supervised; null: either
 * @param text       a ticket number or words of the title
 */
record BoardFilter(SlaState sla, UUID unitId, String tag, Boolean supervised, String text) {

    static final BoardFilter NONE = new BoardFilter(null, null, null, null, null);
    static final int PAGE_SIZE = 50;

    /** The states that still need work (DESIGN.md §2.2), as the backend's comma list. */
    static final String OPEN_STATES = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
            .map(TicketStatus::name).collect(Collectors.joining(","));

    BoardFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag;
    }

    BoardFilter withSla(SlaState state) {
        return new BoardFilter(state, unitId, tag, supervised, text);
    }

    BoardFilter withSupervised(Boolean value) {
        return new BoardFilter(sla, unitId, tag, value, text);
    }

    /** {@code GET /api/v1/tickets} for this filter, continuing after {@code cursor} when it is not null. */
    URI uri(UriBuilder uri, String cursor) {
        uri.path("/api/v1/tickets").queryParam("status", OPEN_STATES).queryParam("sort", "DUE")
                .queryParam("limit", PAGE_SIZE);
        if (sla != null) {
            uri.queryParam("sla", sla.name());
        }
        if (unitId != null) {
            uri.queryParam("unitId", unitId);
        }
        if (tag != null) {
            uri.queryParam("tag", tag);
        }
        if (supervised != null) {
            uri.queryParam("supervised", supervised);
        }
        if (text != null) {
            uri.queryParam("q", "{q}");
        }
        if (cursor != null) {
            uri.queryParam("cursor", "{cursor}");
        }
        // Text and cursor go in as variables, so that they are encoded as values (a '+' or '&' stays itself).
        return text != null && cursor != null ? uri.build(text, cursor)
                : text != null ? uri.build(text) : cursor != null ? uri.build(cursor) : uri.build();
    }
}
