package com.hotlineops.core.partner;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.partner.PartnerAdminEvents.Type;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.support.FieldChanges;
import com.hotlineops.core.support.IdCursor;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The status callback queue as administrators inspect it (decision 0026): a partner's callbacks by state, newest
 * first, and replaying the ones given up. A replay requeues a FAILED callback for immediate delivery with its attempts
 * reset; its body and {@code eventId} stay the same, so a partner that did process it after all ignores it. A replay
 * that requeues something is recorded in the partner's changes in its transaction (decision 0038); one that finds
 * nothing to requeue is not.
 */
@Service
public class WebhookDeliveries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final DatabaseClient db;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final PartnerAdminEvents events;

    WebhookDeliveries(DatabaseClient db, Clock clock, TransactionalOperator tx, PartnerAdminEvents events) {
        this.db = db;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
    }

    /**
     * A page of the partner's callbacks in the given states (all when empty), newest first.
     *
     * @param limit  1–{@value #MAX_LIMIT}; 0 for {@value #DEFAULT_LIMIT}
     * @param cursor the {@code nextCursor} of the previous page, or null
     */
    public Mono<WebhookDeliveryPage> list(UUID partnerId, Set<DeliveryState> states, int limit, String cursor) {
        return Mono.defer(() -> {
            int size = limit == 0 ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                return Mono.error(new InvalidPartnerException("limit must be between 1 and " + MAX_LIMIT));
            }
            long before = IdCursor.before(cursor, InvalidPartnerException::new);
            String[] wanted = (states == null || states.isEmpty() ? Set.of(DeliveryState.values()) : states).stream()
                    .map(Enum::name).toArray(String[]::new);
            return partnerExists(partnerId)
                    .then(db.sql(SELECT + " " + """
                                     where partner_id = :partner and state = any(:states) and id < :before
                                     order by id desc
                                     limit :limit""")
                            .bind("partner", partnerId).bind("states", wanted).bind("before", before)
                            .bind("limit", size + 1)
                            .map(this::view).all().collectList())
                    .map(rows -> IdCursor.page(rows, size, WebhookDeliveryView::id, WebhookDeliveryPage::new));
        });
    }

    /**
     * Requeues one FAILED callback for immediate delivery with its attempts reset. Idempotent: a callback that is
     * PENDING (replayed already, or still being retried) is answered as it is, unchanged; a DELIVERED one is refused.
     * A disabled partner's replayed callback waits, like all its callbacks, until it is enabled.
     */
    public Mono<WebhookDeliveryView> replay(UUID partnerId, long deliveryId, Actor admin) {
        return Mono.defer(() -> {
            Instant now = now();
            return tx.transactional(db.sql(REPLAY + " where partner_id = :partner and id = :id and state = 'FAILED' "
                            + "returning " + COLUMNS)
                    .bind("partner", partnerId).bind("id", deliveryId).bind("now", utc(now))
                    .bind("by", admin.username())
                    .map(this::view).one()
                    .flatMap(replayed -> events.record(partnerId, Type.CALLBACKS_REPLAYED, admin, now,
                                    replayed(1, deliveryId))
                            .thenReturn(replayed)))
                    .switchIfEmpty(Mono.defer(() -> find(partnerId, deliveryId)));
        });
    }

    /** Requeues every FAILED callback of the partner, as {@link #replay} does one; a repeat finds none left. */
    public Mono<DeliveriesReplayed> replayFailed(UUID partnerId, Actor admin) {
        return Mono.defer(() -> {
            Instant now = now();
            return tx.transactional(partnerExists(partnerId)
                    .then(db.sql(REPLAY + " where partner_id = :partner and state = 'FAILED'")
                            .bind("partner", partnerId).bind("now", utc(now)).bind("by", admin.username())
                            .fetch().rowsUpdated())
                    .flatMap(n -> n == 0 ? Mono.just(n)
                            : events.record(partnerId, Type.CALLBACKS_REPLAYED, admin, now, replayed(n, null))
                                    .thenReturn(n)))
                    .map(n -> new DeliveriesReplayed(n.intValue()));
        });
    }

    /** How many callbacks a replay requeued and, when it was one asked for by its id, which. */
    private static Map<String, FieldChange> replayed(long count, Long deliveryId) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        FieldChanges.put(changes, "replayed", null, count);
        FieldChanges.put(changes, "deliveryId", null, deliveryId);
        return changes;
    }

    private Mono<WebhookDeliveryView> find(UUID partnerId, long deliveryId) {
        return db.sql(SELECT + " where partner_id = :partner and id = :id")
                .bind("partner", partnerId).bind("id", deliveryId)
                .map(this::view).one()
                .switchIfEmpty(Mono.error(() -> new DeliveryNotFoundException(partnerId, deliveryId)))
                .flatMap(d -> d.state() == DeliveryState.DELIVERED
                        ? Mono.error(new DeliveryNotReplayableException(deliveryId))
                        : Mono.just(d));
    }

    private Mono<Void> partnerExists(UUID partnerId) {
        return db.sql("select id from partner where id = :id").bind("id", partnerId)
                .map(r -> r.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> new PartnerNotFoundException(partnerId)))
                .then();
    }

    private static final String COLUMNS = """
            id, event_id, ticket_number, external_id, status, occurred_at, state, attempts, last_attempt_at,
            last_status, last_error, next_attempt_at, delivered_at, replays, replayed_at, replayed_by""";

    private static final String SELECT = "select " + COLUMNS + " from webhook_delivery";

    private static final String REPLAY = """
            update webhook_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :now, leased_until = null,
                   replays = replays + 1, replayed_at = :now, replayed_by = :by""";

    private WebhookDeliveryView view(Readable r) {
        DeliveryState state = DeliveryState.valueOf(r.get("state", String.class));
        return new WebhookDeliveryView(r.get("id", Long.class), r.get("event_id", UUID.class),
                r.get("ticket_number", String.class), r.get("external_id", String.class),
                TicketStatus.valueOf(r.get("status", String.class)), instant(r, "occurred_at"), state,
                r.get("attempts", Integer.class), instant(r, "last_attempt_at"), r.get("last_status", Integer.class),
                r.get("last_error", String.class),
                state == DeliveryState.PENDING ? instant(r, "next_attempt_at") : null, instant(r, "delivered_at"),
                r.get("replays", Integer.class), instant(r, "replayed_at"), r.get("replayed_by", String.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
