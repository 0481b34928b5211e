package com.hotlineops.contract.report;

import java.util.UUID;

/**
 * Beijing's three rates of one unit (DESIGN.md §2.8) over a range; a rate is null when its denominator is 0.
 *
 * @param dispatched       tickets whose (latest) dispatch to this unit falls in the range
 * @param signedForOnTime  of those, the ones this unit signed for (签收) no later than the sign-for deadline
 * @param responseRate     signedForOnTime ÷ dispatched
 * @param revisited        tickets of this unit whose last revisit outcome in the range closed or reopened them
 * @param resolved         of those, the ones the revisit closed (办结) rather than sent back as unsatisfied
 * @param resolutionRate   resolved ÷ revisited
 * @param revisitedReached of the revisited, the ones where the citizen was reached (satisfied, basically satisfied
 *                         or unsatisfied)
 * @param satisfied        of those, satisfied or basically satisfied
 * @param satisfactionRate satisfied ÷ revisitedReached
 */
public record UnitRates(UUID unitId, String unitName, long dispatched, long signedForOnTime, Double responseRate,
        long revisited, long resolved, Double resolutionRate, long revisitedReached, long satisfied,
        Double satisfactionRate) {
}
