package com.hotlineops.dashboard.console.agent;

/**
 * How the agent ends a call (DESIGN.md §2.1–2.2): answered directly from the knowledge base (the ticket closes with
 * the answer), sent for dispatch, or transferred to 110/119/120/122 (not a ticket any more). Only a voice call, which
 * starts as RECEIVED, may end in the first or the last.
 */
enum CallOutcome {
    ANSWER, DISPATCH, EMERGENCY;

    boolean allowedFor(CallDraft draft) {
        return this == DISPATCH || draft.voice();
    }
}
