package com.hotlineops.contract.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable entry of a ticket's history (DESIGN.md §2.2): who did what, when, why, and the state before and
 * after.
 *
 * @param from   the state before, null for the intake
 * @param detail further before/after values (e.g. moved deadlines as {@code [before, after]}), empty when none
 */
public record TicketEventView(long version, String type, String actor, Instant occurredAt, TicketStatus from,
        TicketStatus to, String reason, Map<String, Object> detail) {

    public TicketEventView {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
