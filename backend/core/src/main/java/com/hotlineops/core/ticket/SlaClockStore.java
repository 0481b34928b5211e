package com.hotlineops.core.ticket;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.sla.SlaClockKind;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.sla.SlaPolicy;
import com.hotlineops.core.sla.SlaStates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SLA clocks of tickets ({@code ticket_sla_clock}), kept in step with the ticket row inside each command's
 * transaction, and the exactly-once claims of the sweeper. Callers own the transaction.
 */
@Component
class SlaClockStore {

    private static final Set<TicketStatus> FINISH_RUNS = EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED,
            TicketStatus.RETURN_REQUESTED);

    /** A clock that has crossed a line not yet announced. */
    record Crossing(UUID ticketId, SlaClockKind clock) {
    }

    private final DatabaseClient db;
    private final SlaPolicy sla;

    SlaClockStore(DatabaseClient db, SlaPolicy sla) {
        this.db = db;
        this.sla = sla;
    }

    /** Brings the ticket's clocks in line with the row just written (any command). */
    Mono<Void> sync(TicketRow t, Instant now) {
        if (t.dispatchedAt() == null) {
            return stop(t.id(), now, "'SIGN_FOR', 'FINISH'").then(syncRevisit(t, now));
        }
        Mono<Void> signFor = upsert(t.id(), SlaClockKind.SIGN_FOR, t.dispatchedAt(), t.acceptDue(),
                sla.atRisk(t.dispatchedAt(), t.acceptDue(), sla.signForOnWallClock(t.grade())),
                t.status() == TicketStatus.DISPATCHED ? null : now);
        Mono<Void> finish = upsert(t.id(), SlaClockKind.FINISH, t.dispatchedAt(), t.finishDue(),
                sla.atRisk(t.dispatchedAt(), t.finishDue(), sla.finishOnWallClock(t.grade())),
                FINISH_RUNS.contains(t.status()) ? null : now);
        return signFor.then(finish).then(syncRevisit(t, now));
    }

    private Mono<Void> syncRevisit(TicketRow t, Instant now) {
        if (t.status() != TicketStatus.PENDING_REVISIT) {
            return stop(t.id(), now, "'REVISIT'");
        }
        return db.sql("select started_at from ticket_sla_clock where ticket_id = :id and clock = 'REVISIT' "
                        + "and stopped_at is null")
                .bind("id", t.id()).map(r -> instant(r, "started_at")).one()
                .defaultIfEmpty(now)
                .flatMap(start -> {
                    Instant due = sla.revisitDue(start);
                    return upsert(t.id(), SlaClockKind.REVISIT, start, due,
                            sla.atRisk(start, due, sla.revisitOnWallClock()), null);
                });
    }

    private Mono<Void> stop(UUID ticket, Instant now, String clocks) {
        return db.sql("update ticket_sla_clock set stopped_at = :now where ticket_id = :id and stopped_at is null "
                        + "and clock in (" + clocks + ")")
                .bind("id", ticket).bind("now", utc(now)).then();
    }

    /** A new start resets the announcements; a stopped clock keeps the instant it first stopped. */
    private Mono<Void> upsert(UUID ticket, SlaClockKind clock, Instant start, Instant due, Instant atRisk,
            Instant stopped) {
        GenericExecuteSpec spec = db.sql("""
                insert into ticket_sla_clock (ticket_id, clock, started_at, due_at, at_risk_at, stopped_at)
                values (:id, :clock, :start, :due, :risk, :stopped)
                on conflict (ticket_id, clock) do update set
                    at_risk_notified_at = case when ticket_sla_clock.started_at = excluded.started_at
                                               then ticket_sla_clock.at_risk_notified_at end,
                    overdue_notified_at = case when ticket_sla_clock.started_at = excluded.started_at
                                               then ticket_sla_clock.overdue_notified_at end,
                    stopped_at = case when excluded.stopped_at is null then null
                                      when ticket_sla_clock.started_at <> excluded.started_at then excluded.stopped_at
                                      else coalesce(ticket_sla_clock.stopped_at, excluded.stopped_at) end,
                    started_at = excluded.started_at, due_at = excluded.due_at, at_risk_at = excluded.at_risk_at""")
                .bind("id", ticket).bind("clock", clock.name()).bind("start", utc(start));
        spec = due == null ? spec.bindNull("due", OffsetDateTime.class) : spec.bind("due", utc(due));
        spec = atRisk == null ? spec.bindNull("risk", OffsetDateTime.class) : spec.bind("risk", utc(atRisk));
        spec = stopped == null ? spec.bindNull("stopped", OffsetDateTime.class) : spec.bind("stopped", utc(stopped));
        return spec.then();
    }

    Flux<SlaClockView> clocks(UUID ticket, Instant now) {
        return db.sql("""
                        select clock, started_at, due_at, at_risk_at, stopped_at from ticket_sla_clock
                         where ticket_id = :id order by clock""")
                .bind("id", ticket)
                .map(r -> {
                    Instant due = instant(r, "due_at");
                    Instant risk = instant(r, "at_risk_at");
                    Instant stopped = instant(r, "stopped_at");
                    return new SlaClockView(SlaClockKind.valueOf(r.get("clock", String.class)),
                            instant(r, "started_at"), due, risk, stopped, SlaStates.of(due, risk, stopped, now));
                })
                .all();
    }

    /** Running clocks that crossed AT_RISK or OVERDUE without an announcement yet (a hint; claims decide). */
    Flux<Crossing> unannounced(Instant now, int limit) {
        return db.sql("""
                        select ticket_id, clock from ticket_sla_clock
                         where stopped_at is null and due_at is not null
                           and ((overdue_notified_at is null and due_at <= :now)
                             or (at_risk_notified_at is null and at_risk_at <= :now))
                         order by due_at limit :limit""")
                .bind("now", utc(now)).bind("limit", limit)
                .map(r -> new Crossing(r.get("ticket_id", UUID.class),
                        SlaClockKind.valueOf(r.get("clock", String.class))))
                .all();
    }

    /**
     * Claims the OVERDUE announcement: exactly one caller cluster-wide gets the due instant back, everyone else
     * nothing. Marks AT_RISK as announced too, so a clock that skipped it does not announce it late.
     */
    Mono<Instant> claimOverdue(Crossing c, Instant now) {
        return db.sql("""
                        update ticket_sla_clock set overdue_notified_at = :now,
                               at_risk_notified_at = coalesce(at_risk_notified_at, :now)
                         where ticket_id = :id and clock = :clock and stopped_at is null and due_at <= :now
                           and overdue_notified_at is null
                        returning due_at""")
                .bind("id", c.ticketId()).bind("clock", c.clock().name()).bind("now", utc(now))
                .map(r -> instant(r, "due_at")).one();
    }

    /** Claims the AT_RISK announcement, exactly once cluster-wide. */
    Mono<Instant> claimAtRisk(Crossing c, Instant now) {
        return db.sql("""
                        update ticket_sla_clock set at_risk_notified_at = :now
                         where ticket_id = :id and clock = :clock and stopped_at is null and due_at is not null
                           and at_risk_at <= :now and at_risk_notified_at is null
                        returning due_at""")
                .bind("id", c.ticketId()).bind("clock", c.clock().name()).bind("now", utc(now))
                .map(r -> instant(r, "due_at")).one();
    }

    Mono<Void> markSupervised(UUID ticket, Instant now) {
        return db.sql("update ticket set supervised_at = coalesce(supervised_at, :now) where id = :id")
                .bind("id", ticket).bind("now", utc(now)).then();
    }
}
