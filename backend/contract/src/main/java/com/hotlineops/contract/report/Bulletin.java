package com.hotlineops.contract.report;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/reports/bulletin?from=&to=}: overdue and unsatisfied tickets by unit (通报, DESIGN.md §2.8)
 * over {@code [from, to)}, judged as of {@code asOf} (the earlier of {@code to} and the time of the report).
 */
public record Bulletin(Instant from, Instant to, Instant asOf, long signForOverdue, long finishOverdue,
        long unsatisfied, List<UnitBulletin> units, List<BulletinItem> items) {

    public Bulletin {
        units = List.copyOf(units);
        items = List.copyOf(items);
    }
}
