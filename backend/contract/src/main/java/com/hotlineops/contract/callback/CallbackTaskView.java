package com.hotlineops.contract.callback;

import com.hotlineops.contract.call.CallQueue;
import java.time.Instant;

/**
 * A callback task as staff see it. {@code callerNumber} is the full number only in the answers to its claimant (who
 * has to dial it); lists carry the masked number alone. {@code version} grows with every change of the task.
 */
public record CallbackTaskView(
        String id,
        String callerNumberMasked,
        String callerNumber,
        CallQueue queue,
        Instant firstAbandonedAt,
        Instant lastAbandonedAt,
        Instant dueAt,
        boolean overdue,
        CallbackStatus status,
        int mergedCalls,
        int attempts,
        String claimedBy,
        Instant closedAt,
        long version) {
}
