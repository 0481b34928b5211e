package com.hotlineops.contract.call;

import java.time.Instant;

/**
 * One CTI event as posted to {@code POST /api/v1/cti/events}. Idempotent on {@code eventId}.
 * Validation happens at intake (one bad line does not spoil the batch), so this record accepts nulls.
 */
public record CtiEvent(
        String eventId,
        CtiEventType type,
        String callId,
        CallQueue queue,
        Instant occurredAt,
        String callerNumber,
        String agentId,
        AgentState agentState) {

    public static CtiEvent call(String eventId, CtiEventType type, String callId, CallQueue queue,
            Instant occurredAt, String callerNumber, String agentId) {
        return new CtiEvent(eventId, type, callId, queue, occurredAt, callerNumber, agentId, null);
    }

    public static CtiEvent agent(String eventId, String agentId, AgentState state, Instant occurredAt) {
        return new CtiEvent(eventId, CtiEventType.AGENT_STATE, null, null, occurredAt, null, agentId, state);
    }
}
