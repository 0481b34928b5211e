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
                .flatMapMany(this::derive)
                .collectList()
                .flatMap(this::announce);
    }

    /** One outbox entry for the changes of one transaction; none when nothing changed. */
    private Mono<Void> announce(List<CallbackTaskChanged> changes) {
        return changes.isEmpty() ? Mono.empty() : outbox.append(Topic.CALLBACK, changes);
    }

    /**
     * Everything the batch's calls change, in one statement ({@link #DERIVE}): its long abandons (by call id) become
     * tasks, closed at once or opened and merged per number, and its answered calls close the open tasks of callers who
     * got through. Emits the long abandons' changes in call id order, then the closures.
     */
    private Flux<CallbackTaskChanged> derive(List<CallRecord> records) {
        List<CallRecord> numbered = records.stream().filter(c -> c.callerNumber() != null)
                .sorted(Comparator.comparing(CallRecord::callId)).toList();
        List<CallRecord> abandons = numbered.stream().filter(CallbackQueue::longAbandon).toList();
        List<CallRecord> answered = numbered.stream().filter(CallRecord::answered).toList();
        if (abandons.isEmpty() && answered.isEmpty()) {
            return Flux.empty();
        }
        int n = abandons.size();
        String[] callIds = new String[n];
        String[] numbers = new String[n];
        String[] queues = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        OffsetDateTime[] due = new OffsetDateTime[n];
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            CallRecord call = abandons.get(i);
            Instant abandonedAt = abandonedAt(call);
            callIds[i] = call.callId();
            numbers[i] = call.callerNumber();
            queues[i] = queueOf(call).name();
            at[i] = utc(abandonedAt);
            due[i] = utc(abandonedAt.plus(DUE_AFTER));
            ids[i] = UUID.randomUUID();
        }
        return db.sql(DERIVE)
                .bind(0, callIds).bind(1, numbers).bind(2, queues).bind(3, at).bind(4, due).bind(5, ids)
                .bind(6, utc(clock.instant()))
                .bind(7, answered.stream().map(CallRecord::callerNumber).toArray(String[]::new))
                .bind(8, answered.stream().map(c -> utc(c.answeredAt())).toArray(OffsetDateTime[]::new))
                .map(row -> new CallbackTaskChanged(row.get("id", UUID.class).toString(),
                        CallbackChange.valueOf(row.get("change", String.class))))
                .all();
    }

    /** Wait ≥ 5 s before leaving unanswered (the definition of {@link CallFiguresCalculator}). */
    private static boolean longAbandon(CallRecord call) {
        Double wait = call.waitSeconds();
        return call.abandoned() && call.offeredAt() != null && wait != null
                && wait >= CallFiguresCalculator.SHORT_ABANDON_SECONDS;
    }

    private static Instant abandonedAt(CallRecord call) {
        return call.abandonedAt() != null ? call.abandonedAt() : call.endedAt();
    }

    /**
     * The derivation of one batch, set-based (docs/decisions/0012). Parameters: the long abandons as arrays in call id
     * order ($1 call id, $2 number, $3 queue, $4 abandoned at, $5 due at, $6 a fresh task id each), $7 now, and the
     * answered calls with a number ($8 numbers, $9 first answer). The result is what deriving the abandons one by one
     * in that order, then closing the open tasks of callers who got through, gives:
     * <ul>
     * <li>{@code a}: each abandon not turned into a task before ({@code callback_call}), with the first answer of a
     * call of its number after it, if any;</li>
     * <li>{@code closed}: such an abandon is a task recorded closed as {@code CALLER_REACHED_US} at that answer;</li>
     * <li>{@code opened}: the others, grouped by number, open the number's task or merge into its open one: the same
     * merged calls, times and version as merging them one by one, the first (by call id) creating the task;</li>
     * <li>{@code reached}: an answered call closes its number's open task when answered after the task's last abandon.
     * Numbers with an abandon opened or merged here are left out: their task's last abandon is after every answer of
     * the number (else the abandon would have been closed), so one by one it would stay open too;</li>
     * <li>{@code linked}: each call turned into a task once.</li>
     * </ul>
     * The data-modifying parts see the table as it was before the statement, and touch disjoint rows.
     */
    private static final String DERIVE = """
            with a as (
                select x.ord, x.call_id, x.number, x.queue, x.at, x.due, x.id,
                       (select min(ans.occurred_at)
                          from call_event o
                          join call_event ans on ans.call_id = o.call_id and ans.type = 'CALL_ANSWERED'
                         where o.type = 'CALL_OFFERED' and o.caller_number = x.number
                           and ans.occurred_at > x.at) as reached_at
                  from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::uuid[])
                       with ordinality as x (call_id, number, queue, at, due, id, ord)
                 where not exists (select 1 from callback_call c where c.call_id = x.call_id)
            ),
            g as (
                select number, (array_agg(id order by ord))[1] as id, (array_agg(queue order by ord))[1] as queue,
                       min(at) as first_at, max(at) as last_at, min(due) as due, count(*)::int as calls,
                       min(ord) as first_ord
                  from a
                 where reached_at is null
                 group by number
            ),
            opened as (
                insert into callback_task as t (id, caller_number, queue, first_abandoned_at, last_abandoned_at,
                                                due_at, status, merged_calls, created_at, version)
                select id, number, queue, first_at, last_at, due, 'OPEN', calls, $7, calls from g
                on conflict (caller_number) where status = 'OPEN' do update
                   set merged_calls = t.merged_calls + excluded.merged_calls,
                       first_abandoned_at = least(t.first_abandoned_at, excluded.first_abandoned_at),
                       last_abandoned_at = greatest(t.last_abandoned_at, excluded.last_abandoned_at),
                       due_at = least(t.due_at, excluded.due_at),
                       version = t.version + excluded.version
                returning t.id, t.caller_number, (t.xmax = 0) as inserted
            ),
            closed as (
                insert into callback_task (id, caller_number, queue, first_abandoned_at, last_abandoned_at, due_at,
                                           status, closed_at, created_at)
                select id, number, queue, at, at, due, 'CALLER_REACHED_US', reached_at, $7
                  from a
                 where reached_at is not null
            ),
            changes as (
                select a.ord, a.call_id, a.at,
                       case when a.reached_at is null then o.id else a.id end as id,
                       case when a.reached_at is not null then 'CLOSED'
                            when o.inserted and a.ord = g.first_ord then 'CREATED'
                            else 'MERGED' end as change
                  from a
                  left join opened o on o.caller_number = a.number and a.reached_at is null
                  left join g on g.number = a.number and a.reached_at is null
            ),
            linked as (
                insert into callback_call (call_id, task_id, abandoned_at)
                select call_id, id, at from changes
            ),
            reached as (
                update callback_task t set status = 'CALLER_REACHED_US', closed_at = r.answered_at,
                       claimed_by = null, claimed_at = null, version = t.version + 1
                  from (select o.id, min(x.at) as answered_at
                          from callback_task o
                          join unnest($8::text[], $9::timestamptz[]) as x (number, at)
                            on x.number = o.caller_number and x.at > o.last_abandoned_at
                         where o.status = 'OPEN' and o.caller_number not in (select number from g)
                         group by o.id) r
                 where t.id = r.id
                returning t.id
            )
            select 0 as part, ord, id, change from changes
            union all
            select 1, null, id, 'CLOSED' from reached
            order by part, ord, id""";

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
