package com.hotlineops.contract.call;

/** Facts reported by the telephone platform, each with the time it happened (DESIGN.md §2.4). */
public enum CtiEventType {
    /** The call entered a queue. */
    CALL_OFFERED,
    CALL_ANSWERED,
    CALL_ABANDONED,
    CALL_ENDED,
    /** An agent changed state; carries {@code agentId} and {@code agentState}. */
    AGENT_STATE;

    /** Whether the event concerns a call (and so needs a {@code callId} and a queue). */
    public boolean isCallEvent() {
        return this != AGENT_STATE;
    }
}
