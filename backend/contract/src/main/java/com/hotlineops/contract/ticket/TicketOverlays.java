package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What lies over a ticket's state (DESIGN.md §2.2): mark &amp; track tags ({@code PROMISED}, {@code UNSATISFIED},
 * {@code DIRECTOR_TAKEN}), supervision (督办), a pause of the finish clock, an extension asked for or granted, the
 * director who took it, the parent it was merged into and the emergency number it was sent to.
 *
 * @param extensionDaysRequested working days of a pending extension request, null when none is pending
 * @param extendedDays           working days granted by approved extensions so far
 */
public record TicketOverlays(
        List<String> tags,
        Instant supervisedAt,
        Instant pausedAt,
        Integer extensionDaysRequested,
        String extensionReason,
        int extendedDays,
        UUID takenByDirector,
        UUID mergedInto,
        String emergencyNumber) {

    /** A ticket with nothing over its state. */
    public static final TicketOverlays NONE = new TicketOverlays(List.of(), null, null, null, null, 0, null, null,
            null);

    public TicketOverlays {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean supervised() {
        return supervisedAt != null;
    }

    public boolean paused() {
        return pausedAt != null;
    }

    public boolean extensionPending() {
        return extensionDaysRequested != null;
    }
}
