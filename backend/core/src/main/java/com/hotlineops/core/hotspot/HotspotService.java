package com.hotlineops.core.hotspot;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.Hotspots;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts tickets by category × area × hour over a range and judges each hour with {@link SpikeRule} against the
 * same hour of the previous weeks (DESIGN.md §2.8). The area is the township/street or department a ticket is
 * dispatched to (属地); tickets not yet dispatched form an area of their own. Emergency transfers are not tickets
 * (§2.1) and are left out.
 */
@Service
public class HotspotService {

    /** The longest range one answer covers. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);
    public static final String BUCKET = "HOUR";

    private final DatabaseClient db;

    HotspotService(DatabaseClient db) {
        this.db = db;
    }

    private record Key(String category, UUID unit, Instant hour) {
    }

    /** Hotspots of {@code [from, to)}; {@code from} is taken back to the start of its hour. */
    public Mono<Hotspots> hotspots(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            return Mono.error(new IllegalArgumentException("from must be before to, at most " + MAX_RANGE.toDays()
                    + " days apart"));
        }
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant lookback = start.minus(Duration.ofDays(7L * SpikeRule.WEEKS));
        return db.sql("""
                        select t.category_code, t.unit_id, u.name as unit_name,
                               date_trunc('hour', t.created_at at time zone 'UTC') as hour, count(*) as n
                          from ticket t left join org_unit u on u.id = t.unit_id
                         where t.created_at >= :lookback and t.created_at < :to and t.status <> 'TRANSFERRED_EMERGENCY'
                         group by 1, 2, 3, 4""")
                .bind("lookback", lookback.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(r -> new Row(new Key(r.get("category_code", String.class), r.get("unit_id", UUID.class),
                        r.get("hour", LocalDateTime.class).toInstant(ZoneOffset.UTC)), r.get("unit_name", String.class),
                        r.get("n", Long.class)))
                .all()
                .collectList()
                .map(rows -> {
                    Map<Key, Long> counts = new HashMap<>();
                    Map<UUID, String> names = new HashMap<>();
                    for (Row row : rows) {
                        counts.put(row.key(), row.count());
                        if (row.key().unit() != null) {
                            names.put(row.key().unit(), row.unitName());
                        }
                    }
                    return judge(counts, names, start, to);
                });
    }

    private record Row(Key key, String unitName, long count) {
    }

    private static Hotspots judge(Map<Key, Long> counts, Map<UUID, String> names, Instant start, Instant to) {
        List<HotspotCell> cells = new ArrayList<>();
        counts.forEach((key, n) -> {
            if (key.hour().isBefore(start)) {
                return;
            }
            long[] baseline = new long[SpikeRule.WEEKS];
            for (int w = 1; w <= SpikeRule.WEEKS; w++) {
                baseline[w - 1] = counts.getOrDefault(new Key(key.category(), key.unit(),
                        key.hour().minus(Duration.ofDays(7L * w))), 0L);
            }
            SpikeRule.Verdict v = SpikeRule.judge(n, baseline);
            cells.add(new HotspotCell(key.category(), key.unit(), key.unit() == null ? null : names.get(key.unit()),
                    key.hour(), n, java.util.Arrays.stream(baseline).boxed().toList(), v.baselineMean(), v.pValue(),
                    v.spike()));
        });
        cells.sort(Comparator.comparing(HotspotCell::bucketStart)
                .thenComparing(Comparator.comparingLong(HotspotCell::count).reversed())
                .thenComparing(c -> Objects.toString(c.categoryCode(), ""))
                .thenComparing(c -> Objects.toString(c.unitId(), "")));
        List<HotspotCell> spikes = cells.stream().filter(HotspotCell::spike)
                .sorted(Comparator.comparingLong(HotspotCell::count).reversed()
                        .thenComparing(HotspotCell::bucketStart))
                .toList();
        return new Hotspots(start, to, BUCKET, SpikeRule.METHOD, cells, spikes);
    }
}
