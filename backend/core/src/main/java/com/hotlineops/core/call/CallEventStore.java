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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
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

    CallEventStore(DatabaseClient db, TransactionalOperator tx, Outbox outbox) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
    }

    /** Stores the events not stored before; returns those newly stored (repeats of an {@code eventId} are not). */
    public Mono<List<CtiEvent>> store(Collection<CtiEvent> events) {
        Map<String, CtiEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
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
                        : outbox.append(Topic.CALLS, fresh).thenReturn(fresh));
        return tx.transactional(work);
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
