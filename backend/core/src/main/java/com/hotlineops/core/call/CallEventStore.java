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

    /** Rows per statement: large enough to amortise the round trip, small enough to keep locks short. */
    static final int CHUNK = 5000;
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

    /**
     * One statement per chunk whatever its size: the rows travel as eight arrays and {@code unnest} turns them back
     * into rows, so PostgreSQL plans the statement once and the driver binds eight parameters, not eight per row.
     */
    private Flux<String> insertChunk(List<CtiEvent> chunk) {
        int n = chunk.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] callIds = new String[n];
        String[] queues = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] callers = new String[n];
        String[] agents = new String[n];
        String[] states = new String[n];
        for (int i = 0; i < n; i++) {
            CtiEvent e = chunk.get(i);
            ids[i] = e.eventId();
            types[i] = e.type().name();
            callIds[i] = e.callId();
            queues[i] = e.queue() == null ? null : e.queue().name();
            times[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            callers[i] = e.callerNumber();
            agents[i] = e.agentId();
            states[i] = e.agentState() == null ? null : e.agentState().name();
        }
        return db.sql("insert into call_event (" + COLUMNS + """
                        )
                        select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                                             $6::text[], $7::text[], $8::text[])
                        on conflict (event_id) do nothing
                        returning event_id""")
                .bind(0, ids).bind(1, types).bind(2, callIds).bind(3, queues).bind(4, times).bind(5, callers)
                .bind(6, agents).bind(7, states)
                .map(row -> row.get("event_id", String.class))
                .all();
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

    /**
     * The calls of events this transaction just stored, each folded from those events and from every event of the call
     * stored by earlier transactions. Call it inside the storing transaction: it reads back only the older rows (the
     * current transaction's own rows are filtered out in PostgreSQL by their {@code xmin}), since decoding the rows just
     * written is most of what a read-back costs.
     */
    public Mono<List<CallRecord>> callsOf(List<CtiEvent> fresh) {
        Map<String, CallRecord> calls = new HashMap<>();
        for (CtiEvent e : fresh) {
            if (e.type().isCallEvent()) {
                calls.merge(e.callId(), CallRecord.of(e.callId()).with(e), (a, b) -> a.with(e));
            }
        }
        if (calls.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        select event_id, type, call_id, queue, occurred_at, caller_number, agent_id, agent_state
                          from call_event where call_id = any($1) and xmin <> pg_current_xact_id()::xid""")
                .bind(0, calls.keySet().toArray(String[]::new))
                .map(CallEventStore::read)
                .all()
                .doOnNext(e -> calls.computeIfPresent(e.callId(), (id, c) -> c.with(e)))
                .then(Mono.fromSupplier(() -> List.copyOf(calls.values())));
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
