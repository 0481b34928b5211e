package com.hotlineops.contract.partner;

/**
 * {@code POST /api/v1/admin/partners/{id}/keys}: issue a new API key. The partner's earlier keys keep working for
 * {@code graceMinutes} (0–43,200; default 1,440, a day) so that it can switch without losing requests; 0 revokes them
 * at once.
 */
public record KeyRotation(Integer graceMinutes) {
}
