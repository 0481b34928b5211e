package com.hotlineops.contract.report;

/**
 * One figure of a breakdown.
 *
 * @param key   what is counted: a channel, category code, unit id or date; null for "none" (e.g. not classified)
 * @param label the key as a person reads it (a unit's name, a category code), "—" for none
 */
public record Count(String key, String label, long count) {
}
