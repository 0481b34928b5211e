package com.hotlineops.contract.sla;

/**
 * {@code PUT /api/v1/sla/policies/{grade}}: the grade's whole policy. {@code signFor} is required for ticket grades
 * and absent for {@code REVISIT}; amounts are at least 1 and at most 60 working days (or as many hours); the sign-for
 * limit may not be longer than the finish limit.
 */
public record SlaPolicyEdit(SlaLimit signFor, SlaLimit finish) {
}
