package com.hotlineops.contract.calendar;

/**
 * An administrator's setting for one date.
 *
 * @param working required
 * @param name    optional label, at most 50 characters
 */
public record DayEdit(Boolean working, String name) {
}
