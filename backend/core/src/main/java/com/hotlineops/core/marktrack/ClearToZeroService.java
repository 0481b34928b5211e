package com.hotlineops.core.marktrack;

import com.hotlineops.contract.marktrack.ClearToZeroBoard;
import com.hotlineops.contract.marktrack.UnitProgress;
import com.hotlineops.core.config.HotlineProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The clear-to-zero board (DESIGN.md §2.6). A tagged ticket is in a month's scope when it was created before the
 * month ended and was still open when the month began (open now, or closed/merged/transferred during or after the
 * month's start). Final states are final, so a final ticket's {@code updated_at} is when it was cleared.
 */
@Service
public class ClearToZeroService {

    private final DatabaseClient db;
    private final ZoneId zone;
    private final Clock clock;

    ClearToZeroService(DatabaseClient db, HotlineProperties properties, Clock clock) {
        this.db = db;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /** This month's board (Asia/Shanghai). */
    public Mono<ClearToZeroBoard> current() {
        return board(YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)));
    }

    public Mono<ClearToZeroBoard> board(YearMonth month) {
        if (month == null) {
            return Mono.error(new IllegalArgumentException("month is required (yyyy-MM)"));
        }
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return db.sql("""
                        select t.unit_id, u.name as unit_name, count(*) as tagged,
                               count(*) filter (where t.status in ('CLOSED', 'MERGED', 'TRANSFERRED_EMERGENCY')) as cleared
                          from ticket t left join org_unit u on u.id = t.unit_id
                         where cardinality(t.tags) > 0 and t.created_at < :end
                           and (t.status not in ('CLOSED', 'MERGED', 'TRANSFERRED_EMERGENCY') or t.updated_at >= :start)
                         group by t.unit_id, u.name
                         order by count(*) filter (where t.status not in ('CLOSED', 'MERGED', 'TRANSFERRED_EMERGENCY')) desc,
                                  u.name nulls last""")
                .bind("start", start.atOffset(ZoneOffset.UTC)).bind("end", end.atOffset(ZoneOffset.UTC))
                .map(r -> {
                    int tagged = r.get("tagged", Long.class).intValue();
                    int cleared = r.get("cleared", Long.class).intValue();
                    return new UnitProgress(r.get("unit_id", UUID.class), r.get("unit_name", String.class), tagged,
                            cleared, tagged - cleared);
                })
                .all().collectList()
                .map(units -> board(month, units));
    }

    private static ClearToZeroBoard board(YearMonth month, List<UnitProgress> units) {
        int tagged = units.stream().mapToInt(UnitProgress::tagged).sum();
        int cleared = units.stream().mapToInt(UnitProgress::cleared).sum();
        return new ClearToZeroBoard(month.toString(), units, tagged, cleared, tagged - cleared);
    }
}
