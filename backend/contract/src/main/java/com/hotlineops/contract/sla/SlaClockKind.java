package com.hotlineops.contract.sla;

/** The clocks of a ticket: sign-for (签收) and finish from dispatch, revisit from the audit. */
public enum SlaClockKind {
    SIGN_FOR,
    FINISH,
    REVISIT
}
