package com.hotlineops.core.partner;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.partner.PartnerChange;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.support.FieldChanges;
import com.hotlineops.core.support.IdCursor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed which partner, what and when (decision 0038): one {@code partner_admin_event} row per change, written by
 * the change inside its own transaction, so a change that rolls back leaves no row and a repeat that changes nothing
 * is not recorded. The rows never hold a key, a webhook secret or a hash: a rotation records its grace period only.
 */
@Component
class PartnerAdminEvents {

    /** What an administrator did to a partner. */
    enum Type {
        REGISTERED, UPDATED, DISABLED, ENABLED, KEY_ROTATED, SECRET_ROTATED, CALLBACKS_REPLAYED
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    PartnerAdminEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Appends one change; to be composed into the change's transaction. */
    Mono<Void> record(UUID partnerId, Type type, Actor admin, Instant at, Map<String, FieldChange> changes) {
        return db.sql("""
                        insert into partner_admin_event (partner_id, type, actor_id, actor, occurred_at, changes)
                        values (:partner, :type, :actorId, :actor, :at, :changes)""")
                .bind("partner", partnerId).bind("type", type.name()).bind("actorId", admin.userId())
                .bind("actor", admin.username()).bind("at", utc(at))
                .bind("changes", FieldChanges.json(json, changes))
                .then();
    }

    /**
     * A page of the partner's changes, newest first; the caller has checked that the partner exists.
     *
     * @param limit  1–200; 0 for 50, as a partner's callbacks ({@link WebhookDeliveries})
     * @param cursor the {@code nextCursor} of the previous page, or null
     */
    Mono<PartnerChangePage> page(UUID partnerId, int limit, String cursor) {
        return Mono.defer(() -> {
            int size = limit == 0 ? WebhookDeliveries.DEFAULT_LIMIT : limit;
            if (size < 1 || size > WebhookDeliveries.MAX_LIMIT) {
                return Mono.error(new InvalidPartnerException("limit must be between 1 and "
                        + WebhookDeliveries.MAX_LIMIT));
            }
            long before = IdCursor.before(cursor, InvalidPartnerException::new);
            return db.sql("""
                            select id, partner_id, type, actor, occurred_at, changes::text as changes
                              from partner_admin_event
                             where partner_id = :partner and id < :before
                             order by id desc
                             limit :limit""")
                    .bind("partner", partnerId).bind("before", before).bind("limit", size + 1)
                    .map(r -> new PartnerChange(r.get("id", Long.class), r.get("partner_id", UUID.class),
                            r.get("type", String.class), r.get("actor", String.class), instant(r, "occurred_at"),
                            FieldChanges.read(json, r.get("changes", String.class))))
                    .all().collectList()
                    .map(rows -> IdCursor.page(rows, size, PartnerChange::id, PartnerChangePage::new));
        });
    }
}
