package com.hotlineops.contract.sla;

import java.time.Instant;

/**
 * The SLA policy of one grade ({@code IMMEDIATE}, {@code STANDARD}, {@code ENTERPRISE_GENERAL},
 * {@code ENTERPRISE_COMPLEX}) or of the revisit ({@code REVISIT}, no sign-for limit), with who changed it last
 * ({@code null} for the shipped defaults).
 */
public record SlaPolicyView(String grade, SlaLimit signFor, SlaLimit finish, Instant updatedAt, String updatedBy) {
}
