package com.hotlineops.contract.call;

/** Agents by their last reported state (DESIGN.md §2.4). */
public record AgentCounts(long available, long onCall, long wrapUp, long onBreak, long offline) {

    public static final AgentCounts NONE = new AgentCounts(0, 0, 0, 0, 0);

    /** Agents logged in, i.e. not offline. */
    public long staffed() {
        return available + onCall + wrapUp + onBreak;
    }
}
