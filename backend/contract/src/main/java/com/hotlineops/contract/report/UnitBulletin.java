package com.hotlineops.contract.report;

import java.util.UUID;

/**
 * One unit's line of the bulletin (通报, DESIGN.md §2.8).
 *
 * @param signForOverdue tickets whose sign-for deadline fell in the range and was missed
 * @param finishOverdue  tickets whose finish deadline fell in the range and was missed
 * @param unsatisfied    tickets with an unsatisfied revisit in the range
 */
public record UnitBulletin(UUID unitId, String unitName, long signForOverdue, long finishOverdue, long unsatisfied) {
}
