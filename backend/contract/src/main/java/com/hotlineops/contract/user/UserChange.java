package com.hotlineops.contract.user;

import com.hotlineops.contract.audit.FieldChange;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change an administrator made to an account, or the user's own password change (decision 0036), newest first
 * in {@code GET /api/v1/users/{id}/changes} ({@link UserChangePage}).
 *
 * @param type    CREATED, UPDATED, DISABLED, ENABLED, PASSWORD_RESET, PASSWORD_CHANGED (by the user) or UNLOCKED
 *                (an administrator lifted the login throttle, decision 0037)
 * @param actor   the administrator's username; the user's own for PASSWORD_CHANGED
 * @param changes the fields changed (displayName, roles, unitId, gridId, enabled, passwordChangeRequired,
 *                throttled), each with its value before and after; never a password, whose values are not recorded
 */
public record UserChange(long id, UUID userId, String type, String actor, Instant occurredAt,
        Map<String, FieldChange> changes) {

    public UserChange {
        changes = Map.copyOf(changes);
    }
}
