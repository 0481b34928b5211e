package com.hotlineops.contract.report;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/reports/special?keyword=&from=&to=}: the special report (专报, DESIGN.md §2.8) on one topic: the
 * tickets created in {@code [from, to)} whose title or content contains the keyword.
 *
 * @param tickets the matching tickets, newest first, at most {@code listed} of the {@code matched}
 */
public record SpecialReport(String keyword, Instant from, Instant to, long matched, long closed,
        List<Count> byCategory, List<Count> byUnit, List<Count> byDay, int listed, List<TicketLine> tickets) {

    public SpecialReport {
        byCategory = List.copyOf(byCategory);
        byUnit = List.copyOf(byUnit);
        byDay = List.copyOf(byDay);
        tickets = List.copyOf(tickets);
    }
}
