package com.hotlineops.core.call;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import java.time.Instant;

/**
 * What is known of one call, folded from its events. Folding is order-independent and idempotent: the same
 * events in any order, any number of times, give the same record.
 */
public record CallRecord(String callId, CallQueue queue, Instant offeredAt, Instant answeredAt, Instant abandonedAt,
        Instant endedAt, String callerNumber) {

    public static CallRecord of(String callId) {
        return new CallRecord(callId, null, null, null, null, null, null);
    }

    public CallRecord with(CtiEvent e) {
        return switch (e.type()) {
            case CALL_OFFERED -> new CallRecord(callId, e.queue(), earliest(offeredAt, e.occurredAt()), answeredAt,
                    abandonedAt, endedAt, callerNumber != null ? callerNumber : e.callerNumber());
            case CALL_ANSWERED -> new CallRecord(callId, queue != null ? queue : e.queue(), offeredAt,
                    earliest(answeredAt, e.occurredAt()), abandonedAt, endedAt, callerNumber);
            case CALL_ABANDONED -> new CallRecord(callId, queue != null ? queue : e.queue(), offeredAt, answeredAt,
                    earliest(abandonedAt, e.occurredAt()), endedAt, callerNumber);
            case CALL_ENDED -> new CallRecord(callId, queue != null ? queue : e.queue(), offeredAt, answeredAt,
                    abandonedAt, earliest(endedAt, e.occurredAt()), callerNumber);
            case AGENT_STATE -> this;
        };
    }

    public boolean answered() {
        return answeredAt != null;
    }

    /**
     * Abandoned: the caller left before an agent answered, reported as an abandon, or (a platform that sends no
     * abandon) as the end of a call that was never answered.
     */
    public boolean abandoned() {
        return answeredAt == null && (abandonedAt != null || endedAt != null);
    }

    public boolean waiting() {
        return offeredAt != null && !answered() && !abandoned();
    }

    /** Seconds from offer to answer or abandon, with millisecond precision; null while waiting. */
    public Double waitSeconds() {
        Instant outcome = answered() ? answeredAt : abandoned() ? (abandonedAt != null ? abandonedAt : endedAt) : null;
        if (outcome == null || offeredAt == null) {
            return null;
        }
        return Math.max(0, outcome.toEpochMilli() - offeredAt.toEpochMilli()) / 1000.0;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }
}
