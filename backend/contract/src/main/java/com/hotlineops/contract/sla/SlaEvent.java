package com.hotlineops.contract.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A clock crossed into AT_RISK or OVERDUE; published once per clock and crossing, cluster-wide (topic {@code SLA}).
 */
public record SlaEvent(UUID ticketId, String number, SlaClockKind clock, SlaState state, Instant dueAt,
        Instant occurredAt, UUID unitId) {

    public SlaEvent {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(clock, "clock");
        if (state != SlaState.AT_RISK && state != SlaState.OVERDUE) {
            throw new IllegalArgumentException("only AT_RISK and OVERDUE are events");
        }
    }
}
