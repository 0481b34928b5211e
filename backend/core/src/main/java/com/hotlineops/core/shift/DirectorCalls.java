package com.hotlineops.core.shift;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.shift.DirectorCall;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.call.StoredCallEventsListener;
import com.hotlineops.core.ticket.PhoneNumbers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tags calls answered by a director on shift (DESIGN.md §2.7): a {@code CALL_ANSWERED} whose agent id is the shift's
 * seat or the director's username, at an instant inside the shift, gets a {@code director_call} row. Tagging happens in
 * the CTI ingest transaction and again when a shift is created or moved (the schedule is often entered after the
 * fact); both take one transaction-level advisory lock, so a call and a shift written at the same moment cannot miss
 * each other.
 */
@Component
class DirectorCalls implements StoredCallEventsListener {

    static final long TAG_LOCK = 0x4_071_0ffL + 32;
    static final int PAGE = 200;

    private final DatabaseClient db;
    private final CallEventStore calls;

    DirectorCalls(DatabaseClient db, CallEventStore calls) {
        this.db = db;
        this.calls = calls;
    }

    /** One statement per batch, and none when the batch has no answered call with an agent. */
    @Override
    public Mono<Void> stored(List<CtiEvent> fresh) {
        List<CtiEvent> answered = fresh.stream()
                .filter(e -> e.type() == CtiEventType.CALL_ANSWERED && e.agentId() != null && e.callId() != null)
                .toList();
        if (answered.isEmpty()) {
            return Mono.empty();
        }
        String[] callIds = answered.stream().map(CtiEvent::callId).toArray(String[]::new);
        String[] agents = answered.stream().map(CtiEvent::agentId).toArray(String[]::new);
        OffsetDateTime[] times = answered.stream().map(e -> e.occurredAt().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return lock().then(db.sql("""
                        insert into director_call (call_id, shift_id, director_id, agent_id, answered_at)
                        select distinct on (a.call_id) a.call_id, s.id, s.director_id, a.agent_id, a.at
                          from unnest($1::text[], $2::text[], $3::timestamptz[]) as a (call_id, agent_id, at)
                          join director_shift s on s.starts_at <= a.at and s.ends_at > a.at
                          join app_user u on u.id = s.director_id
                         where a.agent_id = s.seat or a.agent_id = u.username
                         order by a.call_id, a.at
                        on conflict (call_id) do nothing""")
                .bind(0, callIds).bind(1, agents).bind(2, times)
                .then());
    }

    /** (Re)tags the calls of one shift from the stored events; joins the caller's transaction. */
    Mono<Void> retag(UUID shiftId) {
        return lock()
                .then(db.sql("delete from director_call where shift_id = :shift").bind("shift", shiftId).then())
                .then(db.sql("""
                                insert into director_call (call_id, shift_id, director_id, agent_id, answered_at)
                                select distinct on (e.call_id) e.call_id, s.id, s.director_id, e.agent_id,
                                       e.occurred_at
                                  from director_shift s
                                  join app_user u on u.id = s.director_id
                                  join call_event e on e.type = 'CALL_ANSWERED'
                                                   and e.occurred_at >= s.starts_at and e.occurred_at < s.ends_at
                                                   and (e.agent_id = s.seat or e.agent_id = u.username)
                                 where s.id = :shift
                                 order by e.call_id, e.occurred_at
                                on conflict (call_id) do nothing""")
                        .bind("shift", shiftId).then());
    }

    /** The director's newest tagged calls, each folded from all its events. */
    Mono<List<DirectorCall>> recent(UUID director) {
        return db.sql("""
                        select call_id, shift_id, agent_id from director_call
                         where director_id = :me order by answered_at desc limit %d""".formatted(PAGE))
                .bind("me", director)
                .map(r -> new Tag(r.get("call_id", String.class), r.get("shift_id", UUID.class),
                        r.get("agent_id", String.class)))
                .all()
                .collectList()
                .flatMap(tags -> calls.calls(tags.stream().map(Tag::callId).toList()).map(records -> {
                    Map<String, CallRecord> byId = records.stream()
                            .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
                    return tags.stream().filter(t -> byId.containsKey(t.callId()))
                            .map(t -> view(t, byId.get(t.callId())))
                            .sorted(Comparator.comparing(DirectorCall::answeredAt).reversed())
                            .toList();
                }));
    }

    private static DirectorCall view(Tag tag, CallRecord call) {
        return new DirectorCall(call.callId(), tag.shiftId(), tag.agentId(), call.queue(), call.offeredAt(),
                call.answeredAt(), call.endedAt(), call.offeredAt() == null ? null : call.waitSeconds(),
                PhoneNumbers.mask(call.callerNumber()));
    }

    private Mono<Void> lock() {
        return db.sql("select pg_advisory_xact_lock(" + TAG_LOCK + ")").then();
    }

    private record Tag(String callId, UUID shiftId, String agentId) {
    }
}
