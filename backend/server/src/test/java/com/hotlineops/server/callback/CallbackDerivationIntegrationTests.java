package com.hotlineops.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackTaskChanged;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.core.type.TypeReference;

/**
 * Callback derivation (decision 0012) checked against a reference: random sets of calls — long and short abandons,
 * abandons reported only as an unanswered end, answered calls before and after, a few numbers calling again and again —
 * are stored in random batches through {@link CallEventStore} on real PostgreSQL, the halves of a call often in
 * different batches and some events repeated. After every batch the tasks, the calls linked to them and the changes
 * announced in the outbox must be exactly what an independent calculation gives that applies the rules one long abandon
 * at a time, in call id order, and then closes the tasks of callers who got through.
 */
class CallbackDerivationIntegrationTests extends BackendIntegrationTest {

    private static final Duration DUE_AFTER = CallbackQueue.DUE_AFTER;

    @Autowired
    CallEventStore store;
    @Autowired
    TransactionalOperator tx;
    @Test
    void randomEventSetsInRandomBatchesThenSameTasksLinksAndChangesAsAbandonByAbandon() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> seen = new HashMap<>();
        for (int round = 0; round < 12; round++) {
            runRound(random, "seed " + seed + ", round " + round, seen);
        }
        assertThat(seen).as("every rule had work (seed %d)", seed)
                .containsKeys("CREATED", "MERGED", "CLOSED at once", "CLOSED later");
    }

    private void runRound(Random random, String label, Map<String, Integer> seen) {
        String run = "cbd-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(5); i++) {
            numbers.add("137" + String.format("%08d", random.nextInt(100_000_000)));
        }
        // Days ago: the calls' waits (random milliseconds) stay out of today's figures, which other tests compare
        // exactly between instances.
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(10));
        List<List<CtiEvent>> batches = batches(random, run, numbers, base);
        Reference reference = new Reference();

        for (int b = 0; b < batches.size(); b++) {
            List<CtiEvent> batch = batches.get(b);
            List<CallbackTaskChanged> announced = storeAndReadAnnounced(batch);
            List<Change> expected = reference.store(batch);
            String where = label + ", batch " + b + " of " + batches.size();

            Map<String, String> refOfDb = compareLinks(run, reference, where);
            compareTasks(numbers, reference, refOfDb, where);
            List<Change> translated = announced.stream().map(c -> new Change(refOfDb.get(c.taskId()), c.change()))
                    .toList();
            assertThat(translated).as("changes announced, %s", where).containsExactlyInAnyOrderElementsOf(expected);
            int abandons = reference.abandonChanges;
            for (int i = 0; i < expected.size(); i++) {
                CallbackChange kind = expected.get(i).change();
                seen.merge(kind != CallbackChange.CLOSED ? kind.name() : i < abandons ? "CLOSED at once"
                        : "CLOSED later", 1, Integer::sum);
            }
            assertThat(translated.subList(0, abandons)).as("the long abandons' changes first, by call id, %s", where)
                    .containsExactlyElementsOf(expected.subList(0, abandons));
        }
    }

    /** Whole calls from a few numbers (and some without one), their events scattered over batches, a few repeated. */
    private static List<List<CtiEvent>> batches(Random random, String run, List<String> numbers, Instant base) {
        List<CtiEvent> events = new ArrayList<>();
        int calls = 10 + random.nextInt(40);
        for (int c = 0; c < calls; c++) {
            String call = run + "-c" + c;
            String number = random.nextInt(8) == 0 ? null : numbers.get(random.nextInt(numbers.size()));
            CallQueue queue = random.nextBoolean() ? CallQueue.GENERAL : CallQueue.ENTERPRISE;
            CallQueue other = random.nextInt(4) == 0 ? CallQueue.values()[random.nextInt(2)] : queue;
            Instant offered = base.plusMillis(random.nextInt(2 * 3_600_000));
            events.add(CtiEvent.call(call + "-o", CtiEventType.CALL_OFFERED, call, queue, offered, number, null));
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    Instant answered = offered.plusMillis(random.nextInt(60_000));
                    events.add(CtiEvent.call(call + "-a", CtiEventType.CALL_ANSWERED, call, other, answered, null,
                            "a" + c % 7));
                    if (random.nextInt(10) == 0) {
                        events.add(CtiEvent.call(call + "-a2", CtiEventType.CALL_ANSWERED, call, other,
                                answered.plusMillis(random.nextInt(3_600_000)), null, "a" + c % 5));
                    }
                    events.add(CtiEvent.call(call + "-e", CtiEventType.CALL_ENDED, call, other,
                            answered.plusSeconds(120), null, null));
                }
                case 2, 3 -> {
                    // From 0 to 12 s: both sides of the 5 s line between a short and a long abandon.
                    Instant left = offered.plusMillis(random.nextInt(12_000));
                    events.add(CtiEvent.call(call + "-x", CtiEventType.CALL_ABANDONED, call, other, left,
                            random.nextInt(6) == 0 ? numbers.getFirst() : null, null));
                    if (random.nextBoolean()) {
                        events.add(CtiEvent.call(call + "-e", CtiEventType.CALL_ENDED, call, other,
                                left.plusMillis(random.nextInt(2_000)), null, null));
                    }
                }
                default -> events.add(CtiEvent.call(call + "-e", CtiEventType.CALL_ENDED, call, other,
                        offered.plusMillis(random.nextInt(40_000)), null, null));
            }
        }
        int count = 1 + random.nextInt(7);
        List<List<CtiEvent>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            batches.add(new ArrayList<>());
        }
        for (CtiEvent e : events) {
            batches.get(random.nextInt(count)).add(e);
            if (random.nextInt(10) == 0) {
                batches.get(random.nextInt(count)).add(e);
            }
        }
        batches.forEach(b -> Collections.shuffle(b, random));
        return batches;
    }

    /** Stores the batch as the ingest does and reads, in the same transaction, the callback changes it announced. */
    private List<CallbackTaskChanged> storeAndReadAnnounced(List<CtiEvent> batch) {
        List<String> payloads = tx.transactional(store.store(batch).thenMany(db.sql("""
                                select payload::text as payload from outbox
                                 where topic = 'CALLBACK' and xmin = pg_current_xact_id()::xid order by id""")
                        .map(row -> row.get("payload", String.class)).all()).collectList())
                .block(Duration.ofSeconds(30));
        assertThat(payloads).as("at most one callback entry per transaction").hasSizeLessThanOrEqualTo(1);
        return payloads.isEmpty() ? List.of()
                : json.readValue(payloads.getFirst(), new TypeReference<List<CallbackTaskChanged>>() { });
    }

    /** Compares the linked calls; returns the reference task of each stored task, matched through its calls. */
    private Map<String, String> compareLinks(String run, Reference reference, String where) {
        List<Map<String, Object>> rows = db.sql("select call_id, task_id, abandoned_at from callback_call"
                        + " where call_id like $1")
                .bind(0, run + "-%").fetch().all().collectList().block(Duration.ofSeconds(10));
        Map<String, String> refOfDb = new HashMap<>();
        Map<String, Instant> abandoned = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String call = (String) row.get("call_id");
            String task = row.get("task_id").toString();
            String ref = reference.links.get(call);
            assertThat(ref).as("call %s linked to a task, %s", call, where).isNotNull();
            assertThat(refOfDb.putIfAbsent(task, ref)).as("calls of task %s, %s", task, where).isIn(null, ref);
            abandoned.put(call, ((OffsetDateTime) row.get("abandoned_at")).toInstant());
        }
        assertThat(abandoned).as("linked calls and their abandon times, %s", where)
                .isEqualTo(reference.abandonedAt);
        assertThat(new HashSet<>(refOfDb.values())).as("one stored task per reference task, %s", where)
                .hasSize(refOfDb.size());
        return refOfDb;
    }

    private void compareTasks(List<String> numbers, Reference reference, Map<String, String> refOfDb, String where) {
        List<Task> stored = db.sql("""
                        select id, caller_number, queue, first_abandoned_at, last_abandoned_at, due_at, status,
                               merged_calls, attempts, claimed_by, closed_at, version
                          from callback_task where caller_number = any($1)""")
                .bind(0, numbers.toArray(String[]::new))
                .map(row -> new Task(refOfDb.get(row.get("id", UUID.class).toString()),
                        row.get("caller_number", String.class), row.get("queue", String.class),
                        instant(row.get("first_abandoned_at", OffsetDateTime.class)),
                        instant(row.get("last_abandoned_at", OffsetDateTime.class)),
                        instant(row.get("due_at", OffsetDateTime.class)), row.get("status", String.class),
                        row.get("merged_calls", Integer.class), row.get("attempts", Integer.class),
                        row.get("claimed_by", String.class), instant(row.get("closed_at", OffsetDateTime.class)),
                        row.get("version", Long.class)))
                .all().collectList().block(Duration.ofSeconds(10));
        assertThat(stored).as("tasks of the round's numbers, %s", where)
                .containsExactlyInAnyOrderElementsOf(reference.tasks.values());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** A task as compared: {@code ref} is the reference's name for it. */
    record Task(String ref, String number, String queue, Instant firstAbandonedAt, Instant lastAbandonedAt,
            Instant dueAt, String status, int mergedCalls, int attempts, String claimedBy, Instant closedAt,
            long version) {

        Task merged(Instant abandonedAt) {
            return new Task(ref, number, queue, min(firstAbandonedAt, abandonedAt), max(lastAbandonedAt, abandonedAt),
                    min(dueAt, abandonedAt.plus(DUE_AFTER)), status, mergedCalls + 1, attempts, claimedBy, closedAt,
                    version + 1);
        }

        Task closed(Instant at) {
            return new Task(ref, number, queue, firstAbandonedAt, lastAbandonedAt, dueAt, "CALLER_REACHED_US",
                    mergedCalls, attempts, null, at, version + 1);
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    record Change(String ref, CallbackChange change) {
    }

    /**
     * The rules of decision 0012, one long abandon at a time, computed in memory from every event stored so far:
     * written from the rules, not from the statement that derives tasks in PostgreSQL.
     */
    static final class Reference {

        private final Map<String, CtiEvent> stored = new HashMap<>();
        final Map<String, Task> tasks = new LinkedHashMap<>();
        final Map<String, String> links = new HashMap<>();
        final Map<String, Instant> abandonedAt = new HashMap<>();
        private int created;
        /** How many of the last batch's changes came from its long abandons (the first ones). */
        int abandonChanges;

        List<Change> store(List<CtiEvent> batch) {
            Set<String> touched = new HashSet<>();
            for (CtiEvent e : batch) {
                if (!stored.containsKey(e.eventId())) {
                    stored.put(e.eventId(), e);
                    if (e.type().isCallEvent()) {
                        touched.add(e.callId());
                    }
                }
            }
            List<CallRecord> numbered = touched.stream().map(this::call).filter(c -> c.callerNumber() != null)
                    .sorted(Comparator.comparing(CallRecord::callId)).toList();
            List<Change> changes = new ArrayList<>();
            for (CallRecord c : numbered) {
                Double wait = c.waitSeconds();
                boolean longAbandon = c.abandoned() && c.offeredAt() != null && wait != null && wait >= 5.0;
                if (!longAbandon || links.containsKey(c.callId())) {
                    continue;
                }
                Instant at = c.abandonedAt() != null ? c.abandonedAt() : c.endedAt();
                String queue = c.queue() != null ? c.queue().name() : CallQueue.GENERAL.name();
                Instant reached = firstAnswerAfter(c.callerNumber(), at);
                Task task;
                CallbackChange change;
                if (reached != null) {
                    task = new Task("ref-" + created++, c.callerNumber(), queue, at, at, at.plus(DUE_AFTER),
                            "CALLER_REACHED_US", 1, 0, null, reached, 1);
                    change = CallbackChange.CLOSED;
                } else {
                    Task open = openTaskOf(c.callerNumber());
                    if (open == null) {
                        task = new Task("ref-" + created++, c.callerNumber(), queue, at, at, at.plus(DUE_AFTER),
                                "OPEN", 1, 0, null, null, 1);
                        change = CallbackChange.CREATED;
                    } else {
                        task = open.merged(at);
                        change = CallbackChange.MERGED;
                    }
                }
                tasks.put(task.ref(), task);
                links.put(c.callId(), task.ref());
                abandonedAt.put(c.callId(), at);
                changes.add(new Change(task.ref(), change));
            }
            abandonChanges = changes.size();
            for (Task open : List.copyOf(tasks.values())) {
                if (!open.status().equals("OPEN")) {
                    continue;
                }
                numbered.stream().filter(CallRecord::answered)
                        .filter(c -> c.callerNumber().equals(open.number())
                                && c.answeredAt().isAfter(open.lastAbandonedAt()))
                        .map(CallRecord::answeredAt).min(Comparator.naturalOrder())
                        .ifPresent(at -> {
                            tasks.put(open.ref(), open.closed(at));
                            changes.add(new Change(open.ref(), CallbackChange.CLOSED));
                        });
            }
            return changes;
        }

        private CallRecord call(String callId) {
            CallRecord call = CallRecord.of(callId);
            for (CtiEvent e : stored.values()) {
                if (callId.equals(e.callId())) {
                    call = call.with(e);
                }
            }
            return call;
        }

        /** The first answer, after {@code at}, of any call offered from the number. */
        private Instant firstAnswerAfter(String number, Instant at) {
            Set<String> callsOfNumber = new HashSet<>();
            stored.values().stream()
                    .filter(e -> e.type() == CtiEventType.CALL_OFFERED && number.equals(e.callerNumber()))
                    .forEach(e -> callsOfNumber.add(e.callId()));
            return stored.values().stream()
                    .filter(e -> e.type() == CtiEventType.CALL_ANSWERED && callsOfNumber.contains(e.callId())
                            && e.occurredAt().isAfter(at))
                    .map(CtiEvent::occurredAt).min(Comparator.naturalOrder()).orElse(null);
        }

        private Task openTaskOf(String number) {
            return tasks.values().stream().filter(t -> t.status().equals("OPEN") && t.number().equals(number))
                    .reduce((a, b) -> {
                        throw new AssertionError("two open tasks for " + Objects.requireNonNull(number));
                    }).orElse(null);
        }
    }
}
