package com.hotlineops.core.call;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import java.time.Duration;
import java.time.Instant;

/**
 * The figures of DESIGN.md §2.4 for the calls offered in {@code [from, to)}. The single definition used by the live
 * wall and by {@code GET /api/v1/figures/calls}.
 *
 * <ul>
 * <li>a short abandon waited less than 5 s and counts in no rate;</li>
 * <li>answer rate = answered ÷ (answered + long abandoned);</li>
 * <li>timely answer rate = answered within 15 s ÷ answered;</li>
 * <li>service level = answered within 15 s ÷ (answered + long abandoned);</li>
 * <li>abandon rate = long abandoned ÷ (answered + long abandoned);</li>
 * <li>ASA = mean wait of answered calls; in queue / longest wait over calls neither answered nor abandoned.</li>
 * </ul>
 */
public final class CallFiguresCalculator {

    public static final double SHORT_ABANDON_SECONDS = 5.0;
    public static final double TIMELY_ANSWER_SECONDS = 15.0;

    private long offered;
    private long answered;
    private long timely;
    private long abandonedShort;
    private long abandonedLong;
    private double answeredWaitSum;
    private long inQueue;
    private Instant oldestWaiting;

    private final Instant from;
    private final Instant to;
    private final CallQueue queue;

    /** @param queue only calls of this queue, or null for all */
    public CallFiguresCalculator(Instant from, Instant to, CallQueue queue) {
        this.from = from;
        this.to = to;
        this.queue = queue;
    }

    public CallFiguresCalculator add(CallRecord call) {
        if (call.offeredAt() == null || call.offeredAt().isBefore(from) || !call.offeredAt().isBefore(to)) {
            return this;
        }
        if (queue != null && queue != call.queue()) {
            return this;
        }
        offered++;
        if (call.answered()) {
            answered++;
            double wait = call.waitSeconds();
            answeredWaitSum += wait;
            if (wait <= TIMELY_ANSWER_SECONDS) {
                timely++;
            }
        } else if (call.abandoned()) {
            if (call.waitSeconds() < SHORT_ABANDON_SECONDS) {
                abandonedShort++;
            } else {
                abandonedLong++;
            }
        } else {
            inQueue++;
            if (oldestWaiting == null || call.offeredAt().isBefore(oldestWaiting)) {
                oldestWaiting = call.offeredAt();
            }
        }
        return this;
    }

    public CallFiguresCalculator addAll(Iterable<CallRecord> calls) {
        calls.forEach(this::add);
        return this;
    }

    public CallFigures result(Instant now) {
        long handled = answered + abandonedLong;
        Long longest = oldestWaiting == null ? null
                : Math.max(0, Duration.between(oldestWaiting, now).toSeconds());
        return new CallFigures(offered, answered, abandonedShort, abandonedLong,
                ratio(answered, handled), ratio(timely, answered), ratio(timely, handled), ratio(abandonedLong, handled),
                answered == 0 ? null : answeredWaitSum / answered, inQueue, longest, oldestWaiting, now);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
