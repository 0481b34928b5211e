package com.hotlineops.core.callback;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackTaskChanged;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallFiguresCalculator;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.call.StoredCallEventsListener;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.PhoneNumbers;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The callback queue of DESIGN.md §2.4 (漏话回拨).
 *
 * <p>Tasks are derived inside the transaction that stores CTI events: every long abandon (wait ≥ 5 s, the definition
 * of {@link CallFiguresCalculator}) with a caller number becomes a task due 30 minutes after the abandon, unless the
 * number already has an open task (then it is merged into it) or the caller got through after abandoning (then the
 * task is recorded closed as {@code CALLER_REACHED_US}); an answered call closes the number's open task when it was
 * answered after the task's last abandon. Derivation takes a transaction-level advisory lock, so whichever of two
 * concurrent transactions derives second sees the other's events (an offer and its abandon may come in different
 * requests, to different instances); each call is turned into a task once ({@code callback_call}).
 *
 * <p>Staff claim a task atomically (one conditional UPDATE; a claim lapses after {@link #CLAIM_TTL}), and the
 * claimant records attempts: {@code REACHED} closes the task, the third failed attempt closes it as
 * {@code NOT_REACHED}, an earlier one releases the claim for the next try.
 *
 * <p>Every change (created, merged, claimed, attempt, closed) is appended to the outbox as a
 * {@link CallbackTaskChanged} in the transaction that makes it: ids and kinds only, the caller's number stays in
 * PostgreSQL.
 */
@Component
public class CallbackQueue implements StoredCallEventsListener {

    public static final Duration DUE_AFTER = Duration.ofMinutes(30);
    public static final int MAX_ATTEMPTS = 3;
    static final Duration CLAIM_TTL = Duration.ofMinutes(15);
    private static final long DERIVE_LOCK = 0x4_071_0ffL + 16;
    private static final String COLUMNS = """
            id, caller_number, queue, first_abandoned_at, last_abandoned_at, due_at, status, merged_calls, attempts,
            claimed_by, claimed_at, closed_at, version""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final CallEventStore calls;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    CallbackQueue(DatabaseClient db, TransactionalOperator tx, CallEventStore calls, Outbox outbox, Clock clock,
            HotlineProperties properties) {
        this.db = db;
        this.tx = tx;
        this.calls = calls;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Derives tasks from the batch's calls; the changed tasks go to the outbox as one entry, same transaction. */
    @Override
    public Mono<Void> stored(List<CtiEvent> fresh) {
        if (fresh.stream().noneMatch(e -> e.type().isCallEvent())) {
            return Mono.empty();
        }
        return db.sql("select pg_advisory_xact_lock(" + DERIVE_LOCK + ")").then()
                .then(calls.callsOf(fresh))
                .flatMapMany(records -> {
                    List<CallRecord> numbered = records.stream().filter(c -> c.callerNumber() != null)
                            .sorted(Comparator.comparing(CallRecord::callId)).toList();
                    // Long abandons one by one (rare); then every answered call closes its number's open task in one
                    // statement (common: one round trip per batch, not per call). The rules compare instants, so
                    // this order decides nothing: an abandon sees the batch's answers, which are already stored.
                    return Flux.fromIterable(numbered).filter(c -> !c.answered()).concatMap(this::derive)
                            .concatWith(Flux.defer(() -> gotThrough(numbered.stream()
                                    .filter(CallRecord::answered).toList())));
                })
                .collectList()
                .flatMap(this::announce);
    }

    /** One outbox entry for the changes of one transaction; none when nothing changed. */
    private Mono<Void> announce(List<CallbackTaskChanged> changes) {
        return changes.isEmpty() ? Mono.empty() : outbox.append(Topic.CALLBACK, changes);
    }

    private Flux<CallbackTaskChanged> derive(CallRecord call) {
        Double wait = call.waitSeconds();
        if (call.abandoned() && call.offeredAt() != null && wait != null
                && wait >= CallFiguresCalculator.SHORT_ABANDON_SECONDS) {
            Instant abandonedAt = call.abandonedAt() != null ? call.abandonedAt() : call.endedAt();
            return longAbandon(call, abandonedAt).flux();
        }
        return Flux.empty();
    }

    /**
     * Closes each open task whose caller got through after its last abandon, as {@code CALLER_REACHED_US} at the first
     * such answer.
     */
    private Flux<CallbackTaskChanged> gotThrough(List<CallRecord> answered) {
        if (answered.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        update callback_task t set status = 'CALLER_REACHED_US', closed_at = a.answered_at,
                               claimed_by = null, claimed_at = null, version = t.version + 1
                          from (select o.id, min(x.at) as answered_at
                                  from callback_task o
                                  join unnest($1::text[], $2::timestamptz[]) as x (number, at)
                                    on x.number = o.caller_number and x.at > o.last_abandoned_at
                                 where o.status = 'OPEN'
                                 group by o.id) a
                         where t.id = a.id
                        returning t.id""")
                .bind(0, answered.stream().map(CallRecord::callerNumber).toArray(String[]::new))
                .bind(1, answered.stream().map(c -> utc(c.answeredAt())).toArray(OffsetDateTime[]::new))
                .map(row -> new CallbackTaskChanged(row.get("id", UUID.class).toString(), CallbackChange.CLOSED))
                .all();
    }

    private Mono<CallbackTaskChanged> longAbandon(CallRecord call, Instant abandonedAt) {
        Mono<Boolean> reachedUsAfter = db.sql("""
                        select min(a.occurred_at) as answered_at
                          from call_event o join call_event a on a.call_id = o.call_id and a.type = 'CALL_ANSWERED'
                         where o.type = 'CALL_OFFERED' and o.caller_number = $1 and a.occurred_at > $2""")
                .bind(0, call.callerNumber()).bind(1, utc(abandonedAt))
                .map(row -> row.get("answered_at", OffsetDateTime.class) != null)
                .one();
        Mono<Boolean> firstTime = db.sql("select 1 from callback_call where call_id = $1")
                .bind(0, call.callId()).map(row -> 1).all().hasElements().map(seen -> !seen);
        return firstTime.filter(Boolean::booleanValue)
                .flatMap(x -> reachedUsAfter)
                .flatMap(reached -> (reached ? closedTask(call, abandonedAt) : openOrMerge(call, abandonedAt))
                        .flatMap(change -> db.sql("""
                                        insert into callback_call (call_id, task_id, abandoned_at)
                                        values ($1, $2, $3)""")
                                .bind(0, call.callId()).bind(1, UUID.fromString(change.taskId()))
                                .bind(2, utc(abandonedAt))
                                .then()
                                .thenReturn(change)));
    }

    private Mono<CallbackTaskChanged> openOrMerge(CallRecord call, Instant abandonedAt) {
        return db.sql("""
                        insert into callback_task as t (id, caller_number, queue, first_abandoned_at,
                                                        last_abandoned_at, due_at, status, created_at)
                        values ($1, $2, $3, $4, $4, $5, 'OPEN', $6)
                        on conflict (caller_number) where status = 'OPEN' do update
                           set merged_calls = t.merged_calls + 1,
                               first_abandoned_at = least(t.first_abandoned_at, excluded.first_abandoned_at),
                               last_abandoned_at = greatest(t.last_abandoned_at, excluded.last_abandoned_at),
                               due_at = least(t.due_at, excluded.due_at),
                               version = t.version + 1
                        returning id, (xmax = 0) as inserted""")
                .bind(0, UUID.randomUUID()).bind(1, call.callerNumber()).bind(2, queueOf(call).name())
                .bind(3, utc(abandonedAt)).bind(4, utc(abandonedAt.plus(DUE_AFTER))).bind(5, utc(clock.instant()))
                .map(row -> new CallbackTaskChanged(row.get("id", UUID.class).toString(),
                        Boolean.TRUE.equals(row.get("inserted", Boolean.class)) ? CallbackChange.CREATED
                                : CallbackChange.MERGED))
                .one();
    }

    /** A task recorded closed at once (the caller got through after abandoning): announced as closed. */
    private Mono<CallbackTaskChanged> closedTask(CallRecord call, Instant abandonedAt) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                        insert into callback_task (id, caller_number, queue, first_abandoned_at, last_abandoned_at,
                                                   due_at, status, closed_at, created_at)
                        values ($1, $2, $3, $4, $4, $5, 'CALLER_REACHED_US',
                                (select min(a.occurred_at)
                                   from call_event o
                                   join call_event a on a.call_id = o.call_id and a.type = 'CALL_ANSWERED'
                                  where o.type = 'CALL_OFFERED' and o.caller_number = $2
                                    and a.occurred_at > $4), $6)""")
                .bind(0, id).bind(1, call.callerNumber()).bind(2, queueOf(call).name())
                .bind(3, utc(abandonedAt)).bind(4, utc(abandonedAt.plus(DUE_AFTER))).bind(5, utc(clock.instant()))
                .then()
                .thenReturn(new CallbackTaskChanged(id.toString(), CallbackChange.CLOSED));
    }

    private static CallQueue queueOf(CallRecord call) {
        return call.queue() != null ? call.queue() : CallQueue.GENERAL;
    }

    /**
     * The tasks with these ids as they now are, <em>with full numbers</em>: for the push stream, which masks them per
     * subscriber before anything leaves the server.
     */
    public Mono<List<CallbackTaskView>> withNumbers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        Instant now = clock.instant();
        return db.sql("select " + COLUMNS + " from callback_task where id = any($1)")
                .bind(0, ids.toArray(UUID[]::new))
                .map(row -> view(row, now, true))
                .all()
                .collectList();
    }

    /** The open tasks by due time, <em>with full numbers</em>: the push stream's snapshot, masked there. */
    public Flux<CallbackTaskView> openWithNumbers(int limit) {
        Instant now = clock.instant();
        return db.sql("select " + COLUMNS + " from callback_task where status = 'OPEN' order by due_at, id limit $1")
                .bind(0, limit)
                .map(row -> view(row, now, true))
                .all();
    }

    /** Tasks, open ones first by due time, then the most recently closed; numbers masked. */
    public Flux<CallbackTaskView> list(boolean openOnly, int limit) {
        Instant now = clock.instant();
        return db.sql("select " + COLUMNS + " from callback_task"
                        + (openOnly ? " where status = 'OPEN'" : "")
                        + " order by (status = 'OPEN') desc, due_at, closed_at desc limit $1")
                .bind(0, limit)
                .map(row -> view(row, now, false))
                .all();
    }

    /** Claims the task for {@code actor}: exactly one of concurrent claimants wins; the winner sees the full number. */
    public Mono<CallbackTaskView> claim(UUID id, Actor actor) {
        Instant now = clock.instant();
        Mono<CallbackTaskView> work = db.sql("update callback_task"
                        + " set claimed_by = $2, claimed_at = $3, version = version + 1"
                        + " where id = $1 and status = 'OPEN'"
                        + "   and (claimed_by is null or claimed_by = $2 or claimed_at < $4)"
                        + " returning " + COLUMNS)
                .bind(0, id).bind(1, actor.username()).bind(2, utc(now)).bind(3, utc(now.minus(CLAIM_TTL)))
                .map(row -> view(row, now, true))
                .one()
                .flatMap(task -> announce(List.of(new CallbackTaskChanged(task.id(), CallbackChange.CLAIMED)))
                        .thenReturn(task))
                .switchIfEmpty(Mono.defer(() -> refusal(id, actor, now)));
        return tx.transactional(work);
    }

    /** Records the claimant's attempt; the third failed one, or a reached caller, closes the task. */
    public Mono<CallbackTaskView> attempt(UUID id, CallbackOutcome outcome, Actor actor) {
        if (outcome == null) {
            return Mono.error(new IllegalArgumentException("outcome is required: REACHED, NO_ANSWER or BUSY"));
        }
        Instant now = clock.instant();
        Mono<CallbackTaskView> work = db.sql("update callback_task set attempts = attempts + 1,"
                        + " first_attempt_at = coalesce(first_attempt_at, $3),"
                        + " status = case when $2 = 'REACHED' then 'REACHED'"
                        + "               when attempts + 1 >= " + MAX_ATTEMPTS + " then 'NOT_REACHED' else 'OPEN' end,"
                        + " closed_at = case when $2 = 'REACHED' or attempts + 1 >= " + MAX_ATTEMPTS
                        + " then $3::timestamptz end,"
                        + " claimed_by = null, claimed_at = null, version = version + 1"
                        + " where id = $1 and status = 'OPEN' and claimed_by = $4"
                        + " returning " + COLUMNS)
                .bind(0, id).bind(1, outcome.name()).bind(2, utc(now)).bind(3, actor.username())
                .map(row -> view(row, now, true))
                .one()
                .flatMap(task -> db.sql("""
                                insert into callback_attempt (task_id, number, outcome, attempted_by, attempted_at)
                                values ($1, $2, $3, $4, $5)""")
                        .bind(0, id).bind(1, task.attempts()).bind(2, outcome.name()).bind(3, actor.username())
                        .bind(4, utc(now))
                        .then()
                        .then(announce(List.of(new CallbackTaskChanged(task.id(), task.status() == CallbackStatus.OPEN
                                ? CallbackChange.ATTEMPT : CallbackChange.CLOSED))))
                        .thenReturn(task))
                .switchIfEmpty(Mono.defer(() -> refusal(id, actor, now)));
        return tx.transactional(work);
    }

    private Mono<CallbackTaskView> refusal(UUID id, Actor actor, Instant now) {
        return db.sql("select " + COLUMNS + " from callback_task where id = $1").bind(0, id)
                .map(row -> view(row, now, false))
                .one()
                .switchIfEmpty(Mono.error(new CallbackTaskNotFoundException(id)))
                .flatMap(task -> Mono.error(task.status() != CallbackStatus.OPEN
                        ? new CallbackTaskUnavailableException("The callback task is closed (" + task.status() + ")")
                        : task.claimedBy() == null
                                ? new CallbackTaskUnavailableException("Claim the callback task before recording an"
                                        + " attempt")
                                : new CallbackTaskUnavailableException("The callback task is claimed by "
                                        + (task.claimedBy().equals(actor.username()) ? "you" : "someone else"))));
    }

    /** The figures of the callback queue as of now (DESIGN.md §2.4). */
    public Mono<CallbackFigures> figures() {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return db.sql("""
                        select count(*) filter (where status = 'OPEN') as pending,
                               min(first_abandoned_at) filter (where status = 'OPEN') as oldest,
                               count(*) filter (where status = 'OPEN' and due_at < $1) as overdue,
                               count(*) filter (where status <> 'OPEN' and closed_at >= $2) as done_today,
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from first_attempt_at - first_abandoned_at))
                                   filter (where first_attempt_at >= $2) as median_first_attempt
                          from callback_task
                         where status = 'OPEN' or closed_at >= $2 or first_attempt_at >= $2""")
                .bind(0, utc(now)).bind(1, utc(dayStart))
                .map(row -> {
                    OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
                    Number median = row.get("median_first_attempt", Double.class);
                    return new CallbackFigures(row.get("pending", Long.class),
                            oldest == null ? null : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()),
                            oldest == null ? null : oldest.toInstant(), row.get("overdue", Long.class),
                            row.get("done_today", Long.class), median == null ? null : median.doubleValue(), now);
                })
                .one();
    }

    private static CallbackTaskView view(Readable row, Instant now, boolean withNumber) {
        String number = row.get("caller_number", String.class);
        CallbackStatus status = CallbackStatus.valueOf(row.get("status", String.class));
        Instant due = instant(row, "due_at");
        return new CallbackTaskView(row.get("id", UUID.class).toString(), PhoneNumbers.mask(number), withNumber ? number : null,
                CallQueue.valueOf(row.get("queue", String.class)), instant(row, "first_abandoned_at"),
                instant(row, "last_abandoned_at"), due, status == CallbackStatus.OPEN && due.isBefore(now), status,
                row.get("merged_calls", Integer.class), row.get("attempts", Integer.class),
                row.get("claimed_by", String.class), instant(row, "closed_at"), row.get("version", Long.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
