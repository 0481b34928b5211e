package com.hotlineops.contract.hotspot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tickets received in one hour for one category in one area, against the same hour of each of the previous weeks.
 *
 * @param categoryCode the category, null for tickets not yet classified
 * @param unitId       the area: the township/street or department the tickets are dispatched to (属地), null while
 *                     not dispatched
 * @param bucketStart  the start of the hour (hours of Asia/Shanghai, which has no daylight saving)
 * @param baseline     the counts of the same hour 1, 2, 3 and 4 weeks earlier, in that order
 * @param pValue       the chance of at least {@code count} tickets if the hour followed its baseline (Poisson)
 */
public record HotspotCell(String categoryCode, UUID unitId, String unitName, Instant bucketStart, long count,
        List<Long> baseline, double baselineMean, double pValue, boolean spike) {

    public HotspotCell {
        baseline = List.copyOf(baseline);
    }
}
