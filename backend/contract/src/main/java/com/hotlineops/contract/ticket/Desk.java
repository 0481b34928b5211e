package com.hotlineops.contract.ticket;

/**
 * The desk consoles whose work queues follow the RSocket stream {@code desk.changes.<DESK>} (decision 0044): the
 * dispatcher's (tickets waiting for dispatch, returns and extensions to decide), the auditor's (feedback submitted)
 * and the revisit desk's (waiting for the citizen's call back).
 */
public enum Desk {
    DISPATCH,
    AUDIT,
    REVISIT
}
