package com.hotlineops.contract.shift;

import com.hotlineops.contract.call.CallQueue;
import java.time.Instant;
import java.util.UUID;

/**
 * A call a director answered while on shift (DESIGN.md §2.7), on the director's page. The caller's number is masked
 * (the page lists calls, it does not dial them); {@code waitSeconds} is offer to answer, {@code endedAt} null while the
 * call goes on.
 */
public record DirectorCall(String callId, UUID shiftId, String agentId, CallQueue queue, Instant offeredAt,
        Instant answeredAt, Instant endedAt, Double waitSeconds, String callerNumberMasked) {
}
