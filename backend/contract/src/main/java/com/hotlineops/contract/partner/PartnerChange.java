package com.hotlineops.contract.partner;

import com.hotlineops.contract.audit.FieldChange;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change an administrator made to a partner (decision 0038), newest first in
 * {@code GET /api/v1/admin/partners/{id}/changes}. Never a key, a webhook secret or a hash.
 *
 * @param type    REGISTERED, UPDATED, DISABLED, ENABLED, KEY_ROTATED, SECRET_ROTATED or CALLBACKS_REPLAYED
 * @param actor   the administrator's username
 * @param changes the fields changed, each with its value before and after: name, channels, webhookUrl and enabled
 *                (registering, changing, disabling, enabling); graceMinutes for a rotation, which records only that
 *                it happened; replayed (how many callbacks) and, for one callback, its deliveryId for a replay
 */
public record PartnerChange(long id, UUID partnerId, String type, String actor, Instant occurredAt,
        Map<String, FieldChange> changes) {

    public PartnerChange {
        changes = Map.copyOf(changes);
    }
}
