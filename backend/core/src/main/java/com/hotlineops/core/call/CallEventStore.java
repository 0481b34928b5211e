package com.hotlineops.core.call;

import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.Topic;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Durable storage of CTI events: one multi-row {@code INSERT … ON CONFLICT DO NOTHING} per chunk, and the newly
 * stored events appended to the outbox in the same transaction, so the live figures get exactly what PostgreSQL has.
 */
@Component
public class CallEventStore {

    /**
     * Rows per INSERT (8 parameters a row): the driver's work per statement grows faster than its parameters, and
     * 250 rows took CTI ingest from about 3,100 to 3,900 events/s against 1,000 (docs/benchmarks.md).
     */
    static final int CHUNK = 250;
    private static final String COLUMNS =
            "event_id, type, call_id, queue, occurred_at, caller_number, agent_id, agent_state";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    /** Resolved per batch, not at construction: listeners may themselves read through this store. */
    private final ObjectProvider<StoredCallEventsListener> listeners;

    CallEventStore(DatabaseClient db, TransactionalOperator tx, Outbox outbox,
            ObjectProvider<StoredCallEventsListener> listeners) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /**
     * Stores the events not stored before; returns those newly stored (repeats of an {@code eventId} are not), with
     * their times cut to the microsecond as stored.
     */
    public Mono<List<CtiEvent>> store(Collection<CtiEvent> events) {
        Map<String, CtiEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), storable(e)));
        if (unique.isEmpty()) {
            return Mono.just(List.of());
        }
        List<CtiEvent> all = List.copyOf(unique.values());
        List<List<CtiEvent>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        Mono<List<CtiEvent>> work = Flux.fromIterable(chunks)
                .concatMap(this::insertChunk)
                .collectList()
                .map(ids -> {
                    Set<String> inserted = new HashSet<>(ids);
                    return all.stream().filter(e -> inserted.contains(e.eventId())).toList();
                })
                .flatMap(fresh -> fresh.isEmpty() ? Mono.just(fresh)
                        : outbox.append(Topic.CALLS, fresh)
                                .then(Flux.fromStream(listeners::orderedStream).concatMap(l -> l.stored(fresh)).then())
                                .thenReturn(fresh));
        return tx.transactional(work);
    }

    /**
     * The event as PostgreSQL keeps it ({@code timestamptz} has microseconds), so the live state fed from the outbox
     * and a state rebuilt from the table see the same instants.
     */
    static CtiEvent storable(CtiEvent e) {
        Instant at = e.occurredAt().truncatedTo(ChronoUnit.MICROS);
        return at.equals(e.occurredAt()) ? e : new CtiEvent(e.eventId(), e.type(), e.callId(), e.queue(), at,
                e.callerNumber(), e.agentId(), e.agentState());
    }

    private Flux<String> insertChunk(List<CtiEvent> chunk) {
        StringBuilder sql = new StringBuilder("insert into call_event (" + COLUMNS + ") values ");
        for (int i = 0; i < chunk.size(); i++) {
            int p = i * 8;
            sql.append(i == 0 ? "" : ", ").append("($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)"
                    .formatted(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8));
        }
        sql.append(" on conflict (event_id) do nothing returning event_id");
        // all values in one call: binding one at a time copies the growing parameter map each time (quadratic)
        List<Object> values = new ArrayList<>(chunk.size() * 8);
        for (CtiEvent e : chunk) {
            values.add(e.eventId());
            values.add(e.type().name());
            values.add(Parameter.fromOrEmpty(e.callId(), String.class));
            values.add(Parameter.fromOrEmpty(e.queue() == null ? null : e.queue().name(), String.class));
            values.add(e.occurredAt().atOffset(ZoneOffset.UTC));
            values.add(Parameter.fromOrEmpty(e.callerNumber(), String.class));
            values.add(Parameter.fromOrEmpty(e.agentId(), String.class));
            values.add(Parameter.fromOrEmpty(e.agentState() == null ? null : e.agentState().name(), String.class));
        }
        GenericExecuteSpec spec = db.sql(sql.toString()).bindValues(values);
        return spec.map(row -> row.get("event_id", String.class)).all();
    }

    /** The calls with these ids, each with all its stored events folded in. */
    public Mono<List<CallRecord>> calls(Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return fold(db.sql("""
                        select event_id, type, call_id, queue, occurred_at, caller_number, agent_id, agent_state
                          from call_event where call_id = any($1)""")
                .bind(0, callIds.toArray(String[]::new)));
    }

    private static Mono<List<CallRecord>> fold(GenericExecuteSpec query) {
        return query.map(CallEventStore::read)
                .all()
                .collect(HashMap<String, CallRecord>::new,
                        (calls, e) -> calls.merge(e.callId(), CallRecord.of(e.callId()).with(e), (a, b) -> a.with(e)))
                .map(calls -> List.copyOf(calls.values()));
    }

    /** Every call offered in {@code [from, to)}, with all its events folded in (whenever they happened). */
    public Mono<List<CallRecord>> callsOfferedBetween(Instant from, Instant to) {
        return db.sql("""
                        select e.event_id, e.type, e.call_id, e.queue, e.occurred_at, e.caller_number, e.agent_id,
                               e.agent_state
                          from call_event e
                         where e.call_id in (select o.call_id from call_event o
                                              where o.type = 'CALL_OFFERED'
                                                and o.occurred_at >= $1 and o.occurred_at < $2)""")
                .bind(0, from.atOffset(ZoneOffset.UTC))
                .bind(1, to.atOffset(ZoneOffset.UTC))
                .map(CallEventStore::read)
                .all()
                .collect(HashMap<String, CallRecord>::new,
                        (calls, e) -> calls.merge(e.callId(), CallRecord.of(e.callId()).with(e), (a, b) -> a.with(e)))
                .map(calls -> List.copyOf(calls.values()));
    }

    /**
     * Calls offered per minute in {@code [from, to)}, keyed by the minute's start; minutes without calls are absent.
     * For history such as the same minutes a week earlier; the live minutes come from the live state.
     */
    public Mono<Map<Instant, Long>> offeredPerMinute(Instant from, Instant to) {
        return db.sql("""
                        select date_trunc('minute', occurred_at) as minute, count(distinct call_id) as offered
                          from call_event
                         where type = 'CALL_OFFERED' and occurred_at >= $1 and occurred_at < $2
                         group by 1""")
                .bind(0, from.atOffset(ZoneOffset.UTC))
                .bind(1, to.atOffset(ZoneOffset.UTC))
                .map(row -> Map.entry(row.get("minute", OffsetDateTime.class).toInstant(),
                        row.get("offered", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The last reported state of every agent (by event time). */
    public Flux<CtiEvent> latestAgentStates() {
        return db.sql("""
                        select distinct on (agent_id) event_id, type, call_id, queue, occurred_at, caller_number,
                               agent_id, agent_state
                          from call_event
                         where type = 'AGENT_STATE'
                         order by agent_id, occurred_at desc, event_id desc""")
                .map(CallEventStore::read)
                .all();
    }

    static CtiEvent read(Readable row) {
        String queue = row.get("queue", String.class);
        String state = row.get("agent_state", String.class);
        return new CtiEvent(row.get("event_id", String.class), CtiEventType.valueOf(row.get("type", String.class)),
                row.get("call_id", String.class), queue == null ? null : CallQueue.valueOf(queue),
                row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("caller_number", String.class),
                row.get("agent_id", String.class), state == null ? null : AgentState.valueOf(state));
    }
}
