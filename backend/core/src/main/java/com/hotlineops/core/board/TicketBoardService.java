package com.hotlineops.core.board;

import static com.hotlineops.core.support.Timestamps.instant;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.marktrack.ClearToZeroService;
import com.hotlineops.core.sla.SlaStates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Computes the wall's {@link TicketBoard} at an instant from the SLA clock rows, the clear-to-zero board and the shift
 * schedule. A ticket's SLA state on the board is that of its worst running clock.
 */
@Service
public class TicketBoardService {

    static final int NEAREST = 20;

    private record Running(UUID ticketId, String number, UUID unitId, String unitName, Instant due, Instant atRisk,
            boolean paused) {
    }

    private final DatabaseClient db;
    private final ClearToZeroService clearToZero;
    private final ZoneId zone;

    TicketBoardService(DatabaseClient db, ClearToZeroService clearToZero, HotlineProperties properties) {
        this.db = db;
        this.clearToZero = clearToZero;
        this.zone = properties.zone();
    }

    public Mono<TicketBoard> compute(Instant now) {
        Mono<List<Running>> running = db.sql("""
                        select c.ticket_id, t.number, t.unit_id, u.name as unit_name, min(c.due_at) as due,
                               min(c.at_risk_at) as risk, bool_or(c.due_at is null) as paused
                          from ticket_sla_clock c
                          join ticket t on t.id = c.ticket_id
                          left join org_unit u on u.id = t.unit_id
                         where c.stopped_at is null and t.status not in ('CLOSED', 'MERGED', 'TRANSFERRED_EMERGENCY')
                         group by c.ticket_id, t.number, t.unit_id, u.name""")
                .map(r -> new Running(r.get("ticket_id", UUID.class), r.get("number", String.class),
                        r.get("unit_id", UUID.class), r.get("unit_name", String.class), instant(r, "due"),
                        instant(r, "risk"), Boolean.TRUE.equals(r.get("paused", Boolean.class))))
                .all().collectList();
        Mono<List<TicketBoard.DirectorOnShift>> directors = db.sql("""
                        select a.display_name, u.name as unit_name, s.seat, s.ends_at
                          from director_shift s join app_user a on a.id = s.director_id
                          left join org_unit u on u.id = s.unit_id
                         where s.starts_at <= :now and s.ends_at > :now
                         order by s.ends_at, a.display_name""")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(r -> new TicketBoard.DirectorOnShift(r.get("display_name", String.class),
                        r.get("unit_name", String.class), r.get("seat", String.class), instant(r, "ends_at")))
                .all().collectList();
        return Mono.zip(running, clearToZero.current(), directors).map(t -> {
            var ctz = t.getT2();
            return board(t.getT1(), now, new TicketBoard.ClearToZero(ctz.month(), ctz.tagged(), ctz.cleared(),
                    ctz.open()), t.getT3());
        });
    }

    private TicketBoard board(List<Running> running, Instant now, TicketBoard.ClearToZero ctz,
            List<TicketBoard.DirectorOnShift> directors) {
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        Map<SlaState, Long> byState = new EnumMap<>(SlaState.class);
        Map<UUID, TicketBoard.UnitCount> overdue = new LinkedHashMap<>();
        long dueToday = 0;
        List<Running> upcoming = new ArrayList<>();
        for (Running r : running) {
            SlaState state = r.due() == null ? SlaState.PAUSED : SlaStates.of(r.due(), r.atRisk(), null, now);
            byState.merge(state, 1L, Long::sum);
            if (state == SlaState.OVERDUE) {
                UUID key = r.unitId() == null ? new UUID(0, 0) : r.unitId();
                overdue.merge(key, new TicketBoard.UnitCount(r.unitId(), r.unitName(), 1),
                        (a, b) -> new TicketBoard.UnitCount(a.unitId(), a.unitName(), a.count() + 1));
            }
            if (r.due() != null && !r.due().isBefore(now)) {
                upcoming.add(r);
                if (r.due().isBefore(endOfToday)) {
                    dueToday++;
                }
            }
        }
        List<TicketBoard.Deadline> nearest = upcoming.stream()
                .sorted(Comparator.comparing(Running::due).thenComparing(Running::number))
                .limit(NEAREST)
                .map(r -> new TicketBoard.Deadline(r.ticketId(), r.number(), r.unitName(), r.due(), r.atRisk()))
                .toList();
        List<TicketBoard.UnitCount> overdueByUnit = overdue.values().stream()
                .sorted(Comparator.comparingLong(TicketBoard.UnitCount::count).reversed()
                        .thenComparing(u -> Objects.toString(u.unitName(), "")))
                .toList();
        return new TicketBoard(byState, dueToday, overdueByUnit, nearest, ctz, directors);
    }
}
