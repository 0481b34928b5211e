package com.hotlineops.contract.wall;

import com.hotlineops.contract.sla.SlaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tickets part of the wall (issue #3): open tickets by their worst running SLA clock, how many fall due today,
 * overdue per unit, the 20 nearest deadlines as instants (countdowns tick on the client), the month's clear-to-zero
 * progress, and the directors on shift. Aggregates and ticket numbers only: nothing about citizens.
 *
 * @param openBySlaState open tickets with a running clock, by the state of their worst clock (ON_TRACK, AT_RISK,
 *                       OVERDUE, PAUSED)
 * @param dueToday       running clocks due between now and the end of today (Asia/Shanghai)
 */
public record TicketBoard(
        Map<SlaState, Long> openBySlaState,
        long dueToday,
        List<UnitCount> overdueByUnit,
        List<Deadline> nearestDeadlines,
        ClearToZero clearToZero,
        List<DirectorOnShift> directorsOnShift) {

    public TicketBoard {
        openBySlaState = Map.copyOf(openBySlaState);
        overdueByUnit = List.copyOf(overdueByUnit);
        nearestDeadlines = List.copyOf(nearestDeadlines);
        directorsOnShift = List.copyOf(directorsOnShift);
    }

    public static final TicketBoard EMPTY = new TicketBoard(Map.of(), 0, List.of(), List.of(),
            new ClearToZero(null, 0, 0, 0), List.of());

    /** @param unitId null for tickets not with a unit */
    public record UnitCount(UUID unitId, String unitName, long count) {
    }

    /**
     * The due instant of a ticket's worst running clock, and the instant that clock turns AT_RISK (75 % of its time
     * used, DESIGN.md §2.3), so a wall can colour and count down on its own between frames.
     *
     * @param atRiskAt null when the clock has none
     */
    public record Deadline(UUID ticketId, String number, String unitName, Instant dueAt, Instant atRiskAt) {
    }

    /** @param month {@code yyyy-MM}; {@code open} is what is left to bring to zero */
    public record ClearToZero(String month, int tagged, int cleared, int open) {
    }

    public record DirectorOnShift(String directorName, String unitName, String seat, Instant endsAt) {
    }
}
