package com.hotlineops.contract.user;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change an administrator made to an account, oldest first in {@code GET /api/v1/users/{id}/changes}.
 *
 * @param type    CREATED, UPDATED, DISABLED, ENABLED or PASSWORD_RESET
 * @param actor   the administrator's username
 * @param changes the fields changed (displayName, roles, unitId, gridId, enabled), each with its value before and
 *                after; empty for a password reset, whose values are never recorded
 */
public record UserChange(long id, UUID userId, String type, String actor, Instant occurredAt,
        Map<String, FieldChange> changes) {

    public UserChange {
        changes = Map.copyOf(changes);
    }

    /** A field's value before and after; null where it had none. */
    public record FieldChange(Object before, Object after) {
    }
}
