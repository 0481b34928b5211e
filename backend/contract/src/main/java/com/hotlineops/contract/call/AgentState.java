package com.hotlineops.contract.call;

/** Agent states as counted on the wall (DESIGN.md §2.4). */
public enum AgentState {
    AVAILABLE,
    ON_CALL,
    WRAP_UP,
    BREAK,
    OFFLINE
}
