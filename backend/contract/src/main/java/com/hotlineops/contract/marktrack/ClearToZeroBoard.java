package com.hotlineops.contract.marktrack;

import java.util.List;
import java.util.Objects;

/**
 * The monthly clear-to-zero board (DESIGN.md §2.6): per unit, tickets tagged PROMISED or UNSATISFIED that were open
 * at some time in the month, how many are cleared and how many are still open.
 *
 * @param month {@code yyyy-MM} (Asia/Shanghai)
 */
public record ClearToZeroBoard(String month, List<UnitProgress> units, int tagged, int cleared, int open) {

    public ClearToZeroBoard {
        Objects.requireNonNull(month, "month");
        units = List.copyOf(units);
    }
}
