package com.hotlineops.core.sla;

import com.hotlineops.contract.sla.SlaState;
import java.time.Instant;

/** The state of one SLA clock at an instant (DESIGN.md §2.3). */
public final class SlaStates {

    private SlaStates() {
    }

    /**
     * @param due     null while the clock is paused
     * @param atRisk  the instant at which 75 % of the allotted time is used
     * @param stopped when the clock stopped (the work it measures was done), or null while it runs
     */
    public static SlaState of(Instant due, Instant atRisk, Instant stopped, Instant now) {
        if (stopped != null) {
            return due == null || !stopped.isAfter(due) ? SlaState.MET : SlaState.MISSED;
        }
        if (due == null) {
            return SlaState.PAUSED;
        }
        if (!now.isBefore(due)) {
            return SlaState.OVERDUE;
        }
        if (atRisk != null && !now.isBefore(atRisk)) {
            return SlaState.AT_RISK;
        }
        return SlaState.ON_TRACK;
    }
}
