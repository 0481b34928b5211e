package com.hotlineops.contract.hotspot;

/**
 * How a spike was decided (DESIGN.md §2.8 asks every answer to say so): a count is a spike when it is at least
 * {@code minCount} and a Poisson variable with the mean of the same hour in the previous {@code weeks} weeks (at
 * least {@code minBaselineMean}) reaches it with a chance of at most {@code alpha}.
 */
public record SpikeMethod(String name, String description, int weeks, double alpha, int minCount,
        double minBaselineMean) {
}
