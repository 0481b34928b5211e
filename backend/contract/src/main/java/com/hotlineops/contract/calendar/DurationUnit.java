package com.hotlineops.contract.calendar;

/** Units of an SLA limit (DESIGN.md §2.3): working time accrues only on working days; {@code HOURS} is 7×24. */
public enum DurationUnit {
    WORKING_DAYS,
    WORKING_HOURS,
    HOURS
}
