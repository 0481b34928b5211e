package com.hotlineops.contract.calendar;

/** Where a date's working/off status comes from. */
public enum DaySource {
    /** The year's official list (a listed exception, or an unlisted day of a listed year following Monday–Friday). */
    OFFICIAL,
    /** The year has no official list: Monday–Friday. */
    FALLBACK,
    /** An administrator set this date by hand; it wins over the list. */
    EDITED
}
