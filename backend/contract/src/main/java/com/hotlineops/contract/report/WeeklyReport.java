package com.hotlineops.contract.report;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.SpikeMethod;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/reports/weekly?week=}: the weekly report (周报, DESIGN.md §2.8) of one ISO week, Monday 00:00 to
 * Monday 00:00 Asia/Shanghai.
 *
 * @param week        the ISO week, e.g. {@code 2026-W15}
 * @param issuedAt    when the issued report was generated (Monday 08:00 job), null for one computed on demand
 * @param received    tickets created in the week (emergency transfers are not tickets)
 * @param closed      tickets closed in the week
 * @param byCategory  received by category, largest first
 * @param byUnit      received by the unit they are dispatched to, largest first (key null: not dispatched)
 * @param units       the three rates per unit over the week
 * @param spikes      the week's hotspot spikes, judged by {@code method}
 */
public record WeeklyReport(String week, Instant from, Instant to, Instant issuedAt, long received, long closed,
        List<Count> byChannel, List<Count> byCategory, List<Count> byUnit, List<UnitRates> units,
        long signForOverdue, long finishOverdue, long unsatisfied, SpikeMethod method, List<HotspotCell> spikes) {

    public WeeklyReport {
        byChannel = List.copyOf(byChannel);
        byCategory = List.copyOf(byCategory);
        byUnit = List.copyOf(byUnit);
        units = List.copyOf(units);
        spikes = List.copyOf(spikes);
    }
}
