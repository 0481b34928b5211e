package com.hotlineops.contract.callback;

import java.time.Instant;

/**
 * The callback queue's figures (DESIGN.md §2.4): open tasks, the oldest one's age (from its first abandon; {@code
 * oldestPendingSince} lets a wall tick it), open tasks past their due time, tasks closed today (Asia/Shanghai) for
 * any reason, and the median time from abandon to first attempt of the tasks first attempted today ({@code null}
 * when none).
 */
public record CallbackFigures(long pending, Long oldestPendingAgeSeconds, Instant oldestPendingSince, long overdue,
        long doneToday, Double medianSecondsToFirstAttempt, Instant asOf) {

    public static CallbackFigures empty(Instant asOf) {
        return new CallbackFigures(0, null, null, 0, 0, null, asOf);
    }
}
