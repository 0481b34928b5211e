package com.hotlineops.core.enterprise;

import static com.hotlineops.core.support.Timestamps.instant;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketStatus;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The ledger (台账) of enterprise tickets (DESIGN.md §2.5), read from the tickets and their events. */
@Component
public class EnterpriseLedger {

    /** The longest range one ledger covers: a year and a day (a leap year from any date). */
    public static final Duration MAX_RANGE = Duration.ofDays(367);

    private final DatabaseClient db;

    EnterpriseLedger(DatabaseClient db) {
        this.db = db;
    }

    /** Enterprise tickets created in {@code [from, to)}, oldest first. */
    public Flux<LedgerEntry> entries(Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            return Flux.error(new IllegalArgumentException("from must be before to, at most " + MAX_RANGE.toDays()
                    + " days apart"));
        }
        return db.sql("""
                        select t.number, t.created_at, t.channel, t.grade, t.company_name, t.credit_code,
                               t.category_code, t.title, u.name as unit_name, t.status, t.finish_due,
                               (select max(e.occurred_at) from ticket_event e
                                 where e.ticket_id = t.id and e.to_status = 'CLOSED') as closed_at,
                               (select e.actor from ticket_event e where e.ticket_id = t.id and e.type = 'AUDIT_PASS'
                                 order by e.version desc limit 1) as audited_by,
                               (select coalesce(e.detail ->> 'result', substring(e.reason from '^[A-Z_]+'))
                                  from ticket_event e
                                 where e.ticket_id = t.id
                                   and e.type in ('REVISIT_CLOSE', 'REVISIT_UNSATISFIED', 'REVISIT_UNREACHABLE')
                                 order by e.version desc limit 1) as revisit_result,
                               (select count(*) from ticket_event e
                                 where e.ticket_id = t.id and e.type = 'THREE_WAY_CALL') as three_way_calls
                          from ticket t left join org_unit u on u.id = t.unit_id
                         where t.enterprise and t.created_at >= :from and t.created_at < :to
                         order by t.created_at, t.number""")
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(EnterpriseLedger::read)
                .all();
    }

    private static LedgerEntry read(Readable r) {
        return new LedgerEntry(r.get("number", String.class), instant(r, "created_at"),
                Channel.valueOf(r.get("channel", String.class)), TicketGrade.valueOf(r.get("grade", String.class)),
                r.get("company_name", String.class), r.get("credit_code", String.class),
                r.get("category_code", String.class), r.get("title", String.class), r.get("unit_name", String.class),
                TicketStatus.valueOf(r.get("status", String.class)), instant(r, "finish_due"),
                instant(r, "closed_at"), r.get("audited_by", String.class), r.get("revisit_result", String.class),
                r.get("three_way_calls", Long.class));
    }
}
