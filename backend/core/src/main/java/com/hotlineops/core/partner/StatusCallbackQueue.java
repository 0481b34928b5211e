package com.hotlineops.core.partner;

import com.hotlineops.contract.partner.StatusCallback;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The persisted queue of status callbacks (decision 0016). Rows are written by a trigger in the transaction of the
 * ticket change, so they survive any restart. A deliverer claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * leases them: while the lease runs no other instance claims the row; if the deliverer dies, the lease ends and the row
 * is claimed again (at least once — the partner deduplicates on {@code eventId}).
 */
@Component
public class StatusCallbackQueue {

    private final DatabaseClient db;
    private final Clock clock;

    StatusCallbackQueue(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due callbacks for {@code lease}, counting the attempt now. */
    public Flux<PendingCallback> claim(int limit, Duration lease) {
        return Flux.defer(() -> {
            Instant now = now();
            return db.sql("""
                            update webhook_delivery d set leased_until = :until, attempts = d.attempts + 1
                              from partner p
                             where p.id = d.partner_id
                               and d.id in (select id from webhook_delivery
                                             where state = 'PENDING' and next_attempt_at <= :now
                                               and (leased_until is null or leased_until <= :now)
                                             order by next_attempt_at, id
                                             limit :limit
                                               for update skip locked)
                            returning d.id, d.event_id, d.attempts, d.external_id, d.ticket_number, d.status,
                                      d.occurred_at, p.webhook_url, p.webhook_secret""")
                    .bind("until", utc(now.plus(lease))).bind("now", utc(now)).bind("limit", limit)
                    .map(r -> new PendingCallback(r.get("id", Long.class), r.get("attempts", Integer.class),
                            r.get("webhook_url", String.class), r.get("webhook_secret", String.class),
                            new StatusCallback(r.get("external_id", String.class), r.get("ticket_number", String.class),
                                    TicketStatus.valueOf(r.get("status", String.class)),
                                    r.get("occurred_at", OffsetDateTime.class).toInstant(),
                                    r.get("event_id", UUID.class).toString())))
                    .all();
        });
    }

    /** The partner acknowledged the callback (2xx): it is never sent again. */
    public Mono<Void> delivered(long id) {
        return Mono.defer(() -> db.sql("""
                        update webhook_delivery set state = 'DELIVERED', delivered_at = :now, leased_until = null,
                               last_error = null
                         where id = :id and state = 'PENDING'""")
                .bind("id", id).bind("now", utc(now())).then());
    }

    /** The attempt failed; the callback is due again at {@code retryAt}, or given up (FAILED) when that is null. */
    public Mono<Void> failed(long id, String error, Instant retryAt) {
        return Mono.defer(() -> {
            String why = error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error;
            var spec = retryAt == null
                    ? db.sql("""
                            update webhook_delivery set state = 'FAILED', leased_until = null, last_error = :error
                             where id = :id and state = 'PENDING'""")
                    : db.sql("""
                            update webhook_delivery set next_attempt_at = :retry, leased_until = null,
                                   last_error = :error
                             where id = :id and state = 'PENDING'""")
                            .bind("retry", utc(retryAt.truncatedTo(ChronoUnit.MICROS)));
            return spec.bind("id", id).bind("error", why).then();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
