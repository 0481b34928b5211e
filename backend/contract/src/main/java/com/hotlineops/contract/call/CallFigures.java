package com.hotlineops.contract.call;

import java.time.Instant;

/**
 * The call figures of DESIGN.md §2.4 for the calls offered in a window. Rates are fractions 0–1 and
 * {@code null} when their denominator is 0. {@code oldestWaitingSince} lets a client tick the longest wait
 * itself; {@code longestWaitSeconds} is the value at {@code asOf}.
 */
public record CallFigures(
        long offered,
        long answered,
        long abandonedShort,
        long abandonedLong,
        Double answerRate,
        Double timelyAnswerRate,
        Double serviceLevel,
        Double abandonRate,
        Double asaSeconds,
        long inQueue,
        Long longestWaitSeconds,
        Instant oldestWaitingSince,
        Instant asOf) {

    public static CallFigures empty(Instant asOf) {
        return new CallFigures(0, 0, 0, 0, null, null, null, null, null, 0, null, null, asOf);
    }
}
