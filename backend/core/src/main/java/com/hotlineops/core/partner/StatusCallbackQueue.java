package com.hotlineops.core.partner;

import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.partner.StatusCallback;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The persisted queue of status callbacks (decision 0016). Rows are written by a trigger in the transaction of the
 * ticket change, so they survive any restart. A deliverer claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * leases them: while the lease runs no other instance claims the row; if the deliverer dies, the lease ends and the row
 * is claimed again (at least once — the partner deduplicates on {@code eventId}). What administrators see of it and
 * how they replay given-up callbacks is {@link WebhookDeliveries}.
 */
@Component
public class StatusCallbackQueue {

    private final DatabaseClient db;
    private final Clock clock;

    StatusCallbackQueue(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due callbacks of enabled partners for {@code lease}, counting the attempt now. A
     * disabled partner's callbacks are not claimed, so they keep their attempts and are due at once when it is enabled
     * again (decision 0026); so are the callbacks of a partner whose webhook URL was removed, until one is set again
     * (decision 0033). The URL and the secrets are read here, so each attempt goes to the URL and is signed with the
     * secrets current when it is sent.
     */
    public Flux<PendingCallback> claim(int limit, Duration lease) {
        return Flux.defer(() -> {
            Instant now = now();
            return db.sql("""
                            update webhook_delivery d set leased_until = :until, attempts = d.attempts + 1,
                                   last_attempt_at = :now
                              from partner p
                             where p.id = d.partner_id
                               and d.id in (select w.id from webhook_delivery w join partner e on e.id = w.partner_id
                                             where w.state = 'PENDING' and w.next_attempt_at <= :now
                                               and (w.leased_until is null or w.leased_until <= :now)
                                               and e.enabled and e.webhook_url is not null
                                             order by w.next_attempt_at, w.id
                                             limit :limit
                                               for update of w skip locked)
                            returning d.id, d.event_id, d.attempts, d.external_id, d.ticket_number, d.status,
                                      d.occurred_at, p.name, p.webhook_url, p.webhook_secret,
                                      case when p.previous_secret_expires_at > :now then p.previous_webhook_secret
                                      end as previous_secret""")
                    .bind("until", utc(now.plus(lease))).bind("now", utc(now)).bind("limit", limit)
                    .map(r -> new PendingCallback(r.get("id", Long.class), r.get("attempts", Integer.class),
                            r.get("webhook_url", String.class), r.get("webhook_secret", String.class),
                            r.get("previous_secret", String.class),
                            new StatusCallback(r.get("external_id", String.class), r.get("ticket_number", String.class),
                                    TicketStatus.valueOf(r.get("status", String.class)),
                                    r.get("occurred_at", OffsetDateTime.class).toInstant(),
                                    r.get("event_id", UUID.class).toString()),
                            r.get("name", String.class)))
                    .all();
        });
    }

    /**
     * The callbacks waiting to be delivered (PENDING: due now or at a later retry) per partner that has a webhook,
     * zero included, or that has callbacks held because its webhook URL was removed, by partner name. A handful of partners and an index on (partner, state): cheap, but meant for a
     * timer rather than every metrics scrape (decision 0030).
     */
    public Mono<Map<String, Long>> pendingByPartner() {
        return db.sql("""
                        select p.name, count(d.id) as pending
                          from partner p
                          left join webhook_delivery d on d.partner_id = p.id and d.state = 'PENDING'
                         where p.webhook_url is not null or d.id is not null
                         group by p.name""")
                .map(r -> Map.entry(r.get("name", String.class), r.get("pending", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The partner acknowledged the callback with {@code httpStatus} (2xx): it is never sent again.
     *
     * @return whether this recorded the delivery: false when the callback was DELIVERED already (another attempt,
     *         sent after this one's lease ran out, got there first: delivery is at least once) or replayed meanwhile
     */
    public Mono<Boolean> delivered(long id, int httpStatus) {
        return Mono.defer(() -> db.sql("""
                        update webhook_delivery set state = 'DELIVERED', delivered_at = :now, leased_until = null,
                               last_error = null, last_status = :status
                         where id = :id and state = 'PENDING'""")
                .bind("id", id).bind("now", utc(now())).bind("status", httpStatus)
                .fetch().rowsUpdated().map(n -> n > 0));
    }

    /**
     * Attempt {@code attempt} failed, with the partner's {@code httpStatus} (null when none came back); the callback is
     * due again at {@code retryAt}, or given up (FAILED) when that is null. Recorded only while that attempt is the
     * callback's latest: an attempt that outlived its lease (its instance paused, or its database write held up) may
     * have been followed by another claim, whose lease a stale failure must not end (decision 0035). A late success,
     * by contrast, is recorded ({@link #delivered}): the partner acknowledged the callback whichever attempt it was.
     *
     * @return whether the failure was recorded: false when the attempt was no longer the callback's latest (or the
     *         callback was delivered meanwhile), so nothing changed
     */
    public Mono<Boolean> failed(long id, int attempt, Integer httpStatus, String error, Instant retryAt) {
        return Mono.defer(() -> {
            String why = error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error;
            var spec = retryAt == null
                    ? db.sql("""
                            update webhook_delivery set state = 'FAILED', leased_until = null, last_error = :error,
                                   last_status = :status
                             where id = :id and state = 'PENDING' and attempts = :attempt""")
                    : db.sql("""
                            update webhook_delivery set next_attempt_at = :retry, leased_until = null,
                                   last_error = :error, last_status = :status
                             where id = :id and state = 'PENDING' and attempts = :attempt""")
                            .bind("retry", utc(retryAt.truncatedTo(ChronoUnit.MICROS)));
            spec = httpStatus == null ? spec.bindNull("status", Integer.class) : spec.bind("status", httpStatus);
            return spec.bind("id", id).bind("attempt", attempt).bind("error", why).fetch().rowsUpdated()
                    .map(rows -> rows > 0);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
