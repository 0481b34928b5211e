package com.hotlineops.core.security;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Failures counted in a sliding window, in PostgreSQL ({@code failed_attempt}): the wrong current passwords of the own
 * password change (decision 0036) and failed logins per username and per client address (decision 0037).
 *
 * <p>An attempt is {@linkplain #reserve reserved} before the password is checked: under an advisory lock on each of
 * its keys, the failures still in each window are counted and, if every key is under its limit, one failure row per
 * key is written at once; the caller {@linkplain #release releases} the rows when the password was right. So attempts
 * running at the same time cannot pass a limit together: each sees the others' rows. Rows older than their window are
 * pruned on the way.
 */
@Component
public class FailedAttempts {

    /** What is counted; each has its own advisory lock space, so keys of different scopes never wait for each other. */
    public enum Scope {
        PASSWORD_CHANGE(0x68700001),
        LOGIN_USERNAME(0x68700002),
        LOGIN_ADDRESS(0x68700003);

        private final int lockClass;

        Scope(int lockClass) {
            this.lockClass = lockClass;
        }
    }

    /** At most {@code maxFailures} failures of one subject within {@code window}. */
    public record Limit(Scope scope, int maxFailures, Duration window) {

        public Limit {
            if (maxFailures < 1) {
                throw new IllegalArgumentException(scope + ": at least one failure must be allowed");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException(scope + ": the window must be longer than zero");
            }
        }
    }

    /** One subject counted under a limit (an account id, a username's digest, an address). */
    public record Key(Limit limit, String subject) {
    }

    /** What {@link #reserve} decided. */
    public sealed interface Reservation {
    }

    /** Every key was under its limit; the attempt is counted as a failure until {@linkplain #release released}. */
    public record Reserved(Map<Key, Long> rows) implements Reservation {

        public Reserved {
            rows = Map.copyOf(rows);
        }
    }

    /**
     * A key had reached its limit; nothing was written. {@code retryAfter}: when enough of its failures have left the
     * window for one more attempt (the longest wait when several keys are at their limit).
     */
    public record Refused(Key key, int failures, Duration retryAfter) implements Reservation {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    FailedAttempts(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** The subject of a username: its SHA-256 in hex, so a password typed into the username field is not kept. */
    public static String digest(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Counts an attempt as a failure of every key, unless one of them has reached its limit, in one transaction under
     * the keys' advisory locks (taken in the order given; callers give their keys in one fixed scope order).
     */
    public Mono<Reservation> reserve(Instant now, List<Key> keys) {
        Mono<Reservation> work = Flux.fromIterable(keys).concatMap(key -> lock(key)).then()
                .then(Flux.fromIterable(keys).concatMap(key -> prune(key.limit(), now)).then())
                .then(Flux.fromIterable(keys).concatMap(key -> refusal(key, now)).collectList())
                .flatMap(refusals -> refusals.isEmpty()
                        ? Flux.fromIterable(keys).concatMap(key -> insert(key, now)).collectList()
                                .map(rows -> (Reservation) new Reserved(rows.stream()
                                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))
                        : Mono.just(refusals.stream().max(Comparator.comparing(Refused::retryAfter)).orElseThrow()));
        return tx.transactional(work);
    }

    /** The attempt was not a failure of {@code key} after all (its row is deleted); other failures stay counted. */
    public Mono<Void> release(Reserved reservation, Key key) {
        Long row = reservation.rows().get(key);
        return row == null ? Mono.empty() : db.sql("delete from failed_attempt where id = :id").bind("id", row).then();
    }

    /** Forgets every failure of the subject (a success that clears its count, an administrator's unlock). */
    public Mono<Void> forget(Scope scope, String subject) {
        return db.sql("delete from failed_attempt where scope = :scope and subject = :subject")
                .bind("scope", scope.name()).bind("subject", subject).then();
    }

    /** Takes the key's advisory lock until the surrounding transaction ends. */
    public Mono<Void> lock(Key key) {
        return db.sql("select pg_advisory_xact_lock(:class, hashtext(:subject))")
                .bind("class", key.limit().scope().lockClass).bind("subject", key.subject()).then();
    }

    /** Until when each of these subjects is at its limit; subjects under it are not in the answer. */
    public Mono<Map<String, Instant>> blockedUntil(Limit limit, Collection<String> subjects, Instant now) {
        if (subjects.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select subject, attempted_at from failed_attempt
                         where scope = :scope and subject = any(:subjects) and attempted_at > :since""")
                .bind("scope", limit.scope().name()).bind("subjects", subjects.toArray(String[]::new))
                .bind("since", utc(now.minus(limit.window())))
                .map(r -> Map.entry(r.get("subject", String.class), instant(r, "attempted_at")))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .map(bySubject -> {
                    Map<String, Instant> blocked = new HashMap<>();
                    bySubject.forEach((subject, times) -> {
                        Instant until = until(limit, times);
                        if (until != null) {
                            blocked.put(subject, until);
                        }
                    });
                    return blocked;
                });
    }

    /**
     * When the subject is under its limit again, given its failures inside the window: the moment the
     * {@code maxFailures}-th newest leaves it; null while there are fewer.
     */
    private static Instant until(Limit limit, List<Instant> failures) {
        if (failures.size() < limit.maxFailures()) {
            return null;
        }
        List<Instant> newestFirst = new ArrayList<>(failures);
        newestFirst.sort(Comparator.reverseOrder());
        return newestFirst.get(limit.maxFailures() - 1).plus(limit.window());
    }

    private Mono<Refused> refusal(Key key, Instant now) {
        return db.sql("""
                        select attempted_at from failed_attempt
                         where scope = :scope and subject = :subject and attempted_at > :since""")
                .bind("scope", key.limit().scope().name()).bind("subject", key.subject())
                .bind("since", utc(now.minus(key.limit().window())))
                .map(r -> instant(r, "attempted_at")).all().collectList()
                .flatMap(failures -> {
                    Instant until = until(key.limit(), failures);
                    return until == null ? Mono.empty()
                            : Mono.just(new Refused(key, failures.size(), Duration.between(now, until)));
                });
    }

    private Mono<Map.Entry<Key, Long>> insert(Key key, Instant now) {
        return db.sql("""
                        insert into failed_attempt (scope, subject, attempted_at) values (:scope, :subject, :now)
                        returning id""")
                .bind("scope", key.limit().scope().name()).bind("subject", key.subject()).bind("now", utc(now))
                .map(r -> Map.entry(key, r.get("id", Long.class))).one();
    }

    /**
     * Deletes failures of the scope older than the window, whoever they belong to (a username tried once is never
     * tried again), a bounded batch at a time and skipping rows another attempt holds, so pruning never waits.
     */
    private Mono<Void> prune(Limit limit, Instant now) {
        return db.sql("""
                        delete from failed_attempt where id in (
                            select id from failed_attempt where scope = :scope and attempted_at <= :since
                             limit 500 for update skip locked)""")
                .bind("scope", limit.scope().name()).bind("since", utc(now.minus(limit.window()))).then();
    }
}
