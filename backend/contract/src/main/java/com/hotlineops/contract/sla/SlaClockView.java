package com.hotlineops.contract.sla;

import java.time.Instant;
import java.util.Objects;

/** One clock of a ticket with its state now. {@code dueAt} is null while paused. */
public record SlaClockView(SlaClockKind clock, Instant startedAt, Instant dueAt, Instant atRiskAt, Instant stoppedAt,
        SlaState state) {

    public SlaClockView {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(state, "state");
    }
}
