package com.hotlineops.contract.marktrack;

import java.util.UUID;

/**
 * One unit's line of the board.
 *
 * @param unitId   null for tagged tickets not with a unit (waiting for (re-)dispatch)
 * @param tagged   tagged tickets in this month's scope
 * @param cleared  of those, closed (or merged / transferred)
 * @param open     of those, still open: the number to bring to zero
 */
public record UnitProgress(UUID unitId, String unitName, int tagged, int cleared, int open) {
}
