package com.hotlineops.core.call;

import com.hotlineops.contract.call.CtiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Checks one CTI event; a bad line is rejected with its reason and the rest of the batch is kept. */
public final class CtiValidation {

    /** Clocks drift; an event from further in the future than this is a wrong clock, not a fact. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("[\\p{Alnum}._:@/+-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    private CtiValidation() {
    }

    /** Why the event cannot be stored, or null when it can. */
    public static String problem(CtiEvent e, Instant now) {
        if (e == null) {
            return "empty event";
        }
        if (e.eventId() == null || !ID.matcher(e.eventId()).matches()) {
            return "eventId is required: 1–128 letters, digits or ._:@/+-";
        }
        if (e.type() == null) {
            return "type is required: CALL_OFFERED, CALL_ANSWERED, CALL_ABANDONED, CALL_ENDED or AGENT_STATE";
        }
        if (e.occurredAt() == null) {
            return "occurredAt is required (ISO-8601 instant)";
        }
        if (e.occurredAt().isAfter(now.plus(MAX_FUTURE))) {
            return "occurredAt is more than 5 minutes in the future";
        }
        if (e.type().isCallEvent()) {
            if (e.callId() == null || !ID.matcher(e.callId()).matches()) {
                return "callId is required for " + e.type();
            }
            if (e.queue() == null) {
                return "queue is required for " + e.type() + ": GENERAL or ENTERPRISE";
            }
            if (e.callerNumber() != null && !NUMBER.matcher(e.callerNumber()).matches()) {
                return "callerNumber must be 3–20 digits";
            }
        } else {
            if (e.agentId() == null || !ID.matcher(e.agentId()).matches()) {
                return "agentId is required for AGENT_STATE";
            }
            if (e.agentState() == null) {
                return "agentState is required for AGENT_STATE";
            }
        }
        if (e.agentId() != null && !ID.matcher(e.agentId()).matches()) {
            return "agentId must be 1–128 letters, digits or ._:@/+-";
        }
        return null;
    }
}
