package com.hotlineops.contract.report;

import java.time.Instant;

/**
 * One ticket named in the bulletin.
 *
 * @param kind {@code SIGN_FOR_OVERDUE}, {@code FINISH_OVERDUE} or {@code UNSATISFIED}
 * @param due  the missed deadline (null for UNSATISFIED)
 * @param at   when the deadline was finally met, or when the unsatisfied revisit was recorded; null while still
 *             overdue
 */
public record BulletinItem(String number, String title, String unitName, String kind, Instant due, Instant at) {
}
