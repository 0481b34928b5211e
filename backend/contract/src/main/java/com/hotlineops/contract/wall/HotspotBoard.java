package com.hotlineops.contract.wall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The hotspots part of the wall (DESIGN.md §1 supervisor row, §2.8; decision 0027): the spikes of the last 24 hours as
 * {@code GET /api/v1/hotspots} judges them, one row per category × area, and the categories with most tickets over
 * the same hours, so a wall with no spike still says what the day is about. Aggregates, category and unit names only:
 * no citizen, no ticket title.
 *
 * @param from          the start of the first hour covered; {@code null} until the first computation
 * @param to            the end of the range (the instant it was computed), exclusive; {@code null} until then
 * @param rule          the spike rule that judged the hours, in short; {@code null} until the first computation
 * @param tickets       tickets received in {@code [from, to)}
 * @param spikeHours    hour × category × area cells judged spikes in the range (a category × area that spiked in three
 *                      hours counts three)
 * @param spikes        one row per spiking category × area, its most recent spike first (then the larger count),
 *                      at most the wall's rows; {@code spikeAreas} says how many there were in all
 * @param spikeAreas    category × area pairs with a spike in the range, shown or not
 * @param topCategories the categories with most tickets in the range, most first, at most the wall's rows
 */
public record HotspotBoard(
        Instant from,
        Instant to,
        Rule rule,
        long tickets,
        int spikeHours,
        List<Spike> spikes,
        int spikeAreas,
        List<CategoryCount> topCategories) {

    public HotspotBoard {
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
        topCategories = topCategories == null ? List.of() : List.copyOf(topCategories);
    }

    /** Nothing computed yet: the wall says so rather than showing an empty panel. */
    public static final HotspotBoard EMPTY = new HotspotBoard(null, null, null, 0, 0, List.of(), 0, List.of());

    /**
     * The spike rule in the few figures a wall caption needs ("vs the same hour of the previous 4 weeks"); the full
     * statement is {@code SpikeMethod} in the hotspots API.
     *
     * @param name            e.g. {@code POISSON_UPPER_TAIL}
     * @param weeks           the baseline: the same hour this many weeks back
     * @param alpha           the largest upper-tail probability that still counts as a spike
     * @param minCount        the smallest count that can be a spike
     * @param minBaselineMean the floor on the baseline mean
     */
    public record Rule(String name, int weeks, double alpha, int minCount, double minBaselineMean) {
    }

    /**
     * A category × area whose hour spiked: its most recent spike hour, with the count and the baseline it was judged
     * against.
     *
     * @param categoryCode   {@code null} for tickets not yet classified
     * @param categoryName   the category's Chinese name from the category tree; {@code null} when unclassified or
     *                       unknown to the tree
     * @param categoryNameEn the English name, likewise
     * @param unitId         the area (属地): the unit the tickets are dispatched to, {@code null} while not dispatched
     * @param hour           the start of the spike hour
     * @param baselineMean   the mean of the same hour in the previous {@link Rule#weeks()} weeks
     * @param spikeHours     hours of the range in which this category × area spiked (this one included)
     */
    public record Spike(String categoryCode, String categoryName, String categoryNameEn, UUID unitId, String unitName,
            Instant hour, long count, double baselineMean, double pValue, int spikeHours) {
    }

    /** Tickets of one category over the range, all areas together; {@code categoryCode} null for unclassified. */
    public record CategoryCount(String categoryCode, String categoryName, String categoryNameEn, long count) {
    }
}
