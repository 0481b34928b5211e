package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.TicketBoard;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ticket board of a frame (issue #3) as the wall shows it at an instant: the nearest deadlines with their
 * countdowns and SLA colour, the units with most overdue tickets, the month's clear-to-zero progress (DESIGN.md §2.6)
 * and the directors on shift (§2.7). Ticket numbers, unit names and directors only, each through {@link WallPrivacy}.
 *
 * @param deadlines   nearest first, at most {@link #MAX_DEADLINES}
 * @param overdueUnits most overdue first (then by name), at most {@link #MAX_UNITS}
 * @param directors   the shift ending first, first
 */
record SlaBoard(List<DeadlineRow> deadlines, List<UnitRow> overdueUnits, ClearToZeroRow clearToZero,
        List<DirectorRow> directors) {

    static final int MAX_DEADLINES = 20;
    static final int MAX_UNITS = 10;
    /** Directors sit in the header line, which has room for two (usually one is on shift). */
    static final int MAX_DIRECTORS = 2;

    SlaBoard {
        deadlines = List.copyOf(deadlines);
        overdueUnits = List.copyOf(overdueUnits);
        directors = List.copyOf(directors);
    }

    /**
     * One deadline. The browser counts {@code secondsLeft} down and turns the row AT_RISK when {@code secondsToRisk}
     * runs out, so the row stays right between frames (DESIGN.md §3: streams carry deadlines, not ticks).
     *
     * @param secondsLeft   until the deadline, negative once past it
     * @param secondsToRisk until the clock turns AT_RISK (≤ 0 once it has), {@code null} when it has no such instant
     * @param state         ON_TRACK, AT_RISK or OVERDUE now (DESIGN.md §2.3)
     */
    record DeadlineRow(String number, String unit, String due, long secondsLeft, Long secondsToRisk, SlaState state,
            String countdown) {
    }

    /** @param unit {@code null} for tickets that are with no unit */
    record UnitRow(String unit, long count, String countText) {
    }

    /** @param progress cleared ÷ tagged, {@code null} while nothing is tagged this month */
    record ClearToZeroRow(String month, String tagged, String cleared, String open, Double progress,
            String progressText, boolean done) {
    }

    record DirectorRow(String name, String unit, String seat, String until) {
    }

    static SlaBoard of(TicketBoard board, Instant now, ZoneId zone, Locale locale) {
        TicketBoard b = board == null ? TicketBoard.EMPTY : board;
        List<DeadlineRow> deadlines = b.nearestDeadlines().stream()
                .filter(d -> d.dueAt() != null)
                .sorted(Comparator.comparing(TicketBoard.Deadline::dueAt)
                        .thenComparing(d -> Objects.toString(d.number(), "")))
                .limit(MAX_DEADLINES)
                .map(d -> deadline(d, now, zone))
                .toList();
        List<UnitRow> units = b.overdueByUnit().stream()
                .filter(u -> u.count() > 0)
                .sorted(Comparator.comparingLong(TicketBoard.UnitCount::count).reversed()
                        .thenComparing(u -> Objects.toString(u.unitName(), "\uffff")))
                .limit(MAX_UNITS)
                .map(u -> new UnitRow(WallPrivacy.text(u.unitName()), u.count(), WallFormat.count(u.count(), locale)))
                .toList();
        List<DirectorRow> directors = b.directorsOnShift().stream()
                .sorted(Comparator.comparing(TicketBoard.DirectorOnShift::endsAt,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(MAX_DIRECTORS)
                .map(d -> new DirectorRow(WallPrivacy.text(d.directorName()), WallPrivacy.text(d.unitName()),
                        WallPrivacy.text(d.seat()), WallFormat.dueClock(d.endsAt(), now, zone)))
                .toList();
        return new SlaBoard(deadlines, units, clearToZero(b.clearToZero(), locale), directors);
    }

    /** How many of the directors on shift did not fit. */
    static int directorsLeftOut(TicketBoard board) {
        return board == null ? 0 : Math.max(0, board.directorsOnShift().size() - MAX_DIRECTORS);
    }

    private static DeadlineRow deadline(TicketBoard.Deadline d, Instant now, ZoneId zone) {
        long left = seconds(now, d.dueAt());
        Long toRisk = d.atRiskAt() == null ? null : seconds(now, d.atRiskAt());
        return new DeadlineRow(WallPrivacy.ticketNumber(d.number()), WallPrivacy.text(d.unitName()),
                WallFormat.dueClock(d.dueAt(), now, zone), left, toRisk, state(d, now), WallFormat.countdown(left));
    }

    /** DESIGN.md §2.3 on the board's instants, as the backend's {@code SlaStates} decides it for a running clock. */
    static SlaState state(TicketBoard.Deadline d, Instant now) {
        if (!now.isBefore(d.dueAt())) {
            return SlaState.OVERDUE;
        }
        if (d.atRiskAt() != null && !now.isBefore(d.atRiskAt())) {
            return SlaState.AT_RISK;
        }
        return SlaState.ON_TRACK;
    }

    private static ClearToZeroRow clearToZero(TicketBoard.ClearToZero ctz, Locale locale) {
        if (ctz == null) {
            ctz = TicketBoard.EMPTY.clearToZero();
        }
        Double progress = ctz.tagged() == 0 ? null : (double) ctz.cleared() / ctz.tagged();
        return new ClearToZeroRow(ctz.month() == null ? WallFormat.NONE : ctz.month(),
                WallFormat.count(ctz.tagged(), locale), WallFormat.count(ctz.cleared(), locale),
                WallFormat.count(ctz.open(), locale), progress, WallFormat.percent(progress), ctz.open() == 0);
    }

    /** Whole seconds from {@code now} to {@code then}, rounded down, so a deadline 0.4 s ago is already "−0:01". */
    private static long seconds(Instant now, Instant then) {
        return Math.floorDiv(Duration.between(now, then).toMillis(), 1000);
    }
}
