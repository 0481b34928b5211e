package com.hotlineops.core.hotspot;

import com.hotlineops.contract.hotspot.SpikeMethod;

/**
 * The spike rule of DESIGN.md §2.8 (decision 0019). Counts of rare events in an hour are close to Poisson, so an
 * hour's count {@code n} is compared with a Poisson variable whose mean λ is the mean of the same hour in the
 * previous {@value #WEEKS} weeks, floored at {@value #MIN_BASELINE_MEAN} (so a category never seen before needs
 * several tickets, not one): it is a spike when {@code n ≥ } {@value #MIN_COUNT} and
 * {@code P(X ≥ n | λ) ≤ } {@value #ALPHA}. A mean-plus-k-standard-deviations rule was not taken: four weekly values
 * often have a standard deviation of 0, which makes any rise a spike.
 */
public final class SpikeRule {

    public static final int WEEKS = 4;
    public static final double ALPHA = 0.001;
    public static final int MIN_COUNT = 5;
    public static final double MIN_BASELINE_MEAN = 0.5;

    /** The rule as the API states it. */
    public static final SpikeMethod METHOD = new SpikeMethod("POISSON_UPPER_TAIL",
            "An hour's count n for a category in an area is a spike when n >= " + MIN_COUNT
                    + " and P(X >= n) <= " + ALPHA + " for X ~ Poisson(lambda), lambda = max(" + MIN_BASELINE_MEAN
                    + ", mean of the same hour 1-" + WEEKS + " weeks earlier)",
            WEEKS, ALPHA, MIN_COUNT, MIN_BASELINE_MEAN);

    private SpikeRule() {
    }

    /** The verdict on one hour. */
    public record Verdict(double baselineMean, double pValue, boolean spike) {
    }

    /** Judges {@code count} against the counts of the same hour in the previous weeks. */
    public static Verdict judge(long count, long[] baseline) {
        double mean = 0;
        for (long b : baseline) {
            mean += b;
        }
        mean = baseline.length == 0 ? 0 : mean / baseline.length;
        double p = upperTail(count, Math.max(MIN_BASELINE_MEAN, mean));
        return new Verdict(mean, p, count >= MIN_COUNT && p <= ALPHA);
    }

    /**
     * {@code P(X ≥ n)} for {@code X ~ Poisson(λ)}, summed from the side where the terms fall off, in log space so a
     * large λ does not underflow.
     */
    static double upperTail(long n, double lambda) {
        if (n <= 0) {
            return 1.0;
        }
        if (n > lambda) {
            double term = Math.exp(logPmf(n, lambda));
            double sum = 0;
            for (long i = n; term > 0 && term > sum * 1e-17; i++) {
                sum += term;
                term = term * lambda / (i + 1);
            }
            return Math.min(1.0, sum);
        }
        double term = Math.exp(logPmf(n - 1, lambda));
        double lower = 0;
        for (long i = n - 1; i >= 0 && term > 0; i--) {
            lower += term;
            term = term * i / lambda;
        }
        return Math.max(0.0, 1.0 - lower);
    }

    private static double logPmf(long k, double lambda) {
        double logFactorial = 0;
        for (long i = 2; i <= k; i++) {
            logFactorial += Math.log(i);
        }
        return -lambda + k * Math.log(lambda) - logFactorial;
    }
}
