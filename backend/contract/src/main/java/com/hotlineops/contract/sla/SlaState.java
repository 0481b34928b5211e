package com.hotlineops.contract.sla;

/** DESIGN.md §2.3: running clocks are ON_TRACK, AT_RISK (≥ 75 % used) or OVERDUE; stopped ones MET or MISSED. */
public enum SlaState {
    ON_TRACK,
    AT_RISK,
    OVERDUE,
    MET,
    MISSED,
    /** The finish clock while the ticket is paused (waiting for the citizen). */
    PAUSED
}
