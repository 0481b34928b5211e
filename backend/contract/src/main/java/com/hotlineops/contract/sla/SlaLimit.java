package com.hotlineops.contract.sla;

import com.hotlineops.contract.calendar.DurationUnit;

/** One SLA limit: {@code amount} of {@code unit} (DESIGN.md §2.3); the policy API validates both. */
public record SlaLimit(Integer amount, DurationUnit unit) {
}
