package com.hotlineops.dashboard.console.supervisor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a ticket board as this console reads {@code TicketListItem}: only what a board shows (number, title,
 * state, unit, worst running clock, tags, supervision), never the citizen or the content, which the dashboard does not
 * handle (see {@code ArchitectureTests}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BoardRow(Ticket ticket, String unitName, SlaState sla, Instant nextDue) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ticket(UUID id, String number, String title, TicketStatus status, Overlays overlays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overlays(List<String> tags, Instant supervisedAt) {

        Overlays {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** A page of {@code GET /api/v1/tickets}; {@code nextCursor} is null on the last page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<BoardRow> items, String nextCursor) {

        Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    UUID id() {
        return ticket.id();
    }

    List<String> tags() {
        return ticket.overlays() == null ? List.of() : ticket.overlays().tags();
    }

    boolean supervised() {
        return ticket.overlays() != null && ticket.overlays().supervisedAt() != null;
    }

    /** The ticket detail view's address (built by the ticket console). */
    String detailRoute() {
        return "tickets/" + ticket.id();
    }
}
