package com.hotlineops.core.report;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.BulletinItem;
import com.hotlineops.contract.report.Count;
import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.TicketLine;
import com.hotlineops.contract.report.UnitBulletin;
import com.hotlineops.contract.report.UnitRates;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.category.CategoryTree;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.hotspot.HotspotService;
import com.hotlineops.core.hotspot.SpikeRule;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports of DESIGN.md §2.8 over half-open ranges {@code [from, to)}. Which tickets each figure counts:
 * <ul>
 * <li><b>received</b>: tickets created in the range, emergency transfers left out (they are not tickets, §2.1);</li>
 * <li><b>closed</b>: tickets with a change into CLOSED in the range;</li>
 * <li><b>three rates</b> per unit (Beijing's 响应率, 解决率, 满意率), each ticket counted for the unit that holds it
 * now: <i>response</i> = signed for no later than the sign-for deadline ÷ dispatched, over the tickets whose latest
 * dispatch falls in the range (a sign-for counts if its {@code ACCEPT} event lies between that dispatch and the
 * deadline); <i>resolution</i> = resolved ÷ revisited, over the tickets whose last revisit outcome in the range
 * closed them ({@code REVISIT_CLOSE}: resolved) or reopened them as unsatisfied (not resolved) — unreachable
 * attempts that did not close are no outcome yet; <i>satisfaction</i> = (satisfied + basically satisfied) ÷
 * revisited reached, over the same tickets less those closed after three unreachable attempts;</li>
 * <li><b>overdue</b>: SIGN_FOR and FINISH clocks whose deadline lies in the range and that were stopped after it or
 * are still running past it as of the earlier of {@code to} and now (a paused clock has no deadline);</li>
 * <li><b>unsatisfied</b>: tickets with an unsatisfied revisit in the range.</li>
 * </ul>
 */
@Service
public class ReportService {

    /** The longest range of a bulletin or special report. */
    public static final Duration MAX_RANGE = Duration.ofDays(367);
    /** How many tickets a special report lists (all are counted). */
    public static final int SPECIAL_LISTED = 200;
    static final String NONE = "—";
    /** When the weekly report of the week before is issued: Mondays at this local time (DESIGN.md §2.8). */
    public static final LocalTime WEEKLY_ISSUE_TIME = LocalTime.of(8, 0);
    static final String WEEKLY = "WEEKLY";
    /** Channels as a report reads them (DESIGN.md §2.1); the key stays the enum name. */
    static final Map<Channel, String> CHANNEL_NAMES = Map.of(Channel.HOTLINE, "12345热线",
            Channel.ENTERPRISE_LINE, "政企通", Channel.WEB_MESSAGE, "网络留言", Channel.PARTNER_12315, "12315平台",
            Channel.CPPCC, "政协云微建议", Channel.NPC_DEPUTY, "人大代表民情通达", Channel.WECHAT_GRID, "热线+网小格",
            Channel.CITY_APP, "益办事App", Channel.OPEN311, "Open311");

    private final DatabaseClient db;
    private final HotspotService hotspots;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper json;
    private final CategoryTree categories;

    ReportService(DatabaseClient db, HotspotService hotspots, Clock clock, HotlineProperties properties,
            JsonMapper json, CategoryTree categories) {
        this.db = db;
        this.categories = categories;
        this.json = json;
        this.hotspots = hotspots;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** The zone of the reports' calendar (Asia/Shanghai). */
    public ZoneId zone() {
        return zone;
    }

    /** The ISO week before the one that contains {@code at}: what the Monday job reports on. */
    public String weekBefore(Instant at) {
        return isoWeek(LocalDate.ofInstant(at, zone).minusWeeks(1));
    }

    /** The ISO week (e.g. {@code 2026-W15}) that contains {@code day}. */
    public static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday that starts an ISO week given as {@code 2026-W15} or as any date inside it. */
    public static LocalDate mondayOf(String week) {
        String w = week == null ? "" : week.strip();
        try {
            if (w.matches("\\d{4}-W\\d{2}")) {
                int year = Integer.parseInt(w.substring(0, 4));
                int number = Integer.parseInt(w.substring(6));
                LocalDate anyDay = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number);
                if (anyDay.get(IsoFields.WEEK_BASED_YEAR) != year || number < 1) {
                    throw new IllegalArgumentException("week " + w + " does not exist");
                }
                return anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            }
            return LocalDate.parse(w).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("week must be an ISO week like 2026-W15 or a date like 2026-04-06");
        }
    }

    /**
     * The weekly report of an ISO week as issued by the Monday job, or, for a week not issued (yet), computed now.
     */
    public Mono<WeeklyReport> weeklyAsIssued(String week) {
        return Mono.defer(() -> {
            String key = isoWeek(mondayOf(week));
            return db.sql("select body::text as body from report_issue where kind = :kind and period = :period")
                    .bind("kind", WEEKLY).bind("period", key)
                    .map(r -> json.readValue(r.get("body", String.class), WeeklyReport.class))
                    .one()
                    .switchIfEmpty(weekly(key));
        });
    }

    /**
     * Issues the weekly report of the week before {@code now} once it is Monday {@link #WEEKLY_ISSUE_TIME} or later in
     * the report zone (DESIGN.md §2.8, 周报). Safe to call from every instance, any number of times: the first insert
     * wins, the others change nothing.
     *
     * @return the week issued by this call, empty when it was too early or already issued
     */
    public Mono<String> issueWeekly(Instant now) {
        return Mono.defer(() -> {
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant due = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(WEEKLY_ISSUE_TIME)
                    .atZone(zone).toInstant();
            if (now.isBefore(due)) {
                return Mono.empty();
            }
            String week = weekBefore(now);
            return db.sql("select 1 from report_issue where kind = :kind and period = :period")
                    .bind("kind", WEEKLY).bind("period", week).map(r -> true).one()
                    .hasElement()
                    .flatMap(issued -> issued ? Mono.<String>empty() : weekly(week).flatMap(report -> {
                        Instant at = now.truncatedTo(ChronoUnit.MICROS);
                        WeeklyReport stamped = new WeeklyReport(report.week(), report.from(), report.to(), at,
                                report.received(), report.closed(), report.byChannel(), report.byCategory(),
                                report.byUnit(), report.units(), report.signForOverdue(), report.finishOverdue(),
                                report.unsatisfied(), report.method(), report.spikes());
                        return db.sql("insert into report_issue (kind, period, generated_at, body) "
                                        + "values (:kind, :period, :at, :body) on conflict do nothing")
                                .bind("kind", WEEKLY).bind("period", week).bind("at", utc(at))
                                .bind("body", Json.of(json.writeValueAsString(stamped)))
                                .fetch().rowsUpdated()
                                .flatMap(n -> n == 1 ? Mono.just(week) : Mono.<String>empty());
                    }));
        });
    }

    /** The weekly report of an ISO week (Monday 00:00 to Monday 00:00 in the report zone), computed now. */
    public Mono<WeeklyReport> weekly(String week) {
        return Mono.defer(() -> {
            LocalDate monday = mondayOf(week);
            Instant from = monday.atStartOfDay(zone).toInstant();
            Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
            Mono<long[]> totals = received(from, to).zipWith(closed(from, to), (r, c) -> new long[] {r, c});
            return Mono.zip(totals, byChannel(from, to), byCategory(from, to), byUnit(from, to), rates(from, to),
                            bulletin(from, to), hotspots.hotspots(from, to))
                    .map(t -> new WeeklyReport(isoWeek(monday), from, to, null, t.getT1()[0], t.getT1()[1],
                            t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6().signForOverdue(),
                            t.getT6().finishOverdue(), t.getT6().unsatisfied(), SpikeRule.METHOD,
                            t.getT7().spikes()));
        });
    }

    /** The bulletin (通报) of {@code [from, to)}: overdue and unsatisfied tickets by unit. */
    public Mono<Bulletin> bulletin(Instant from, Instant to) {
        return Mono.defer(() -> {
            checkRange(from, to);
            Instant asOf = min(to, clock.instant());
            Flux<BulletinRow> overdue = db.sql("""
                            select c.clock, t.number, t.title, t.unit_id, u.name as unit_name, c.due_at, c.stopped_at
                              from ticket_sla_clock c join ticket t on t.id = c.ticket_id
                              left join org_unit u on u.id = t.unit_id
                             where c.clock in ('SIGN_FOR', 'FINISH') and c.due_at >= :from and c.due_at < :to
                               and ((c.stopped_at is null and c.due_at <= :asOf) or c.stopped_at > c.due_at)""")
                    .bind("from", utc(from)).bind("to", utc(to)).bind("asOf", utc(asOf))
                    .map(r -> new BulletinRow(r.get("clock", String.class) + "_OVERDUE", r.get("number", String.class),
                            r.get("title", String.class), r.get("unit_id", UUID.class),
                            r.get("unit_name", String.class), instant(r, "due_at"), instant(r, "stopped_at")))
                    .all();
            Flux<BulletinRow> unsatisfied = db.sql("""
                            select t.number, t.title, t.unit_id, u.name as unit_name, max(e.occurred_at) as at
                              from ticket_event e join ticket t on t.id = e.ticket_id
                              left join org_unit u on u.id = t.unit_id
                             where e.type = 'REVISIT_UNSATISFIED' and e.occurred_at >= :from and e.occurred_at < :to
                             group by t.id, t.number, t.title, t.unit_id, u.name""")
                    .bind("from", utc(from)).bind("to", utc(to))
                    .map(r -> new BulletinRow("UNSATISFIED", r.get("number", String.class),
                            r.get("title", String.class), r.get("unit_id", UUID.class),
                            r.get("unit_name", String.class), null, instant(r, "at")))
                    .all();
            return overdue.concatWith(unsatisfied).collectList().map(rows -> bulletin(from, to, asOf, rows));
        });
    }

    private record BulletinRow(String kind, String number, String title, UUID unitId, String unitName, Instant due,
            Instant at) {
    }

    private static Bulletin bulletin(Instant from, Instant to, Instant asOf, List<BulletinRow> rows) {
        Map<UUID, long[]> byUnit = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (BulletinRow r : rows) {
            long[] n = byUnit.computeIfAbsent(r.unitId(), u -> new long[3]);
            n[switch (r.kind()) {
                case "SIGN_FOR_OVERDUE" -> 0;
                case "FINISH_OVERDUE" -> 1;
                default -> 2;
            }]++;
            names.put(r.unitId(), r.unitName());
        }
        List<UnitBulletin> units = new ArrayList<>();
        byUnit.forEach((unit, n) -> units.add(new UnitBulletin(unit, names.get(unit) == null ? NONE : names.get(unit),
                n[0], n[1], n[2])));
        units.sort(Comparator.comparingLong((UnitBulletin u) -> u.signForOverdue() + u.finishOverdue()
                + u.unsatisfied()).reversed().thenComparing(UnitBulletin::unitName));
        List<BulletinItem> items = rows.stream()
                .sorted(Comparator.comparing(BulletinRow::kind).thenComparing(BulletinRow::number))
                .map(r -> new BulletinItem(r.number(), r.title(), r.unitName() == null ? NONE : r.unitName(), r.kind(),
                        r.due(), r.at()))
                .toList();
        return new Bulletin(from, to, asOf, units.stream().mapToLong(UnitBulletin::signForOverdue).sum(),
                units.stream().mapToLong(UnitBulletin::finishOverdue).sum(),
                units.stream().mapToLong(UnitBulletin::unsatisfied).sum(), units, items);
    }

    /** The special report (专报): tickets of {@code [from, to)} whose title or content contains {@code keyword}. */
    public Mono<SpecialReport> special(String keyword, Instant from, Instant to) {
        return Mono.defer(() -> {
            checkRange(from, to);
            if (keyword == null || keyword.isBlank() || keyword.strip().length() > 50) {
                throw new IllegalArgumentException("keyword is required, at most 50 characters");
            }
            String k = keyword.strip().toLowerCase(java.util.Locale.ROOT);
            String match = " and t.status <> 'TRANSFERRED_EMERGENCY' and (strpos(lower(t.title), :k) > 0"
                    + " or strpos(lower(t.content), :k) > 0)";
            Mono<List<Count>> byCategory = counts("""
                    select t.category_code as key, t.category_code as label, count(*) as n from ticket t
                     where t.created_at >= :from and t.created_at < :to""" + match + " group by 1, 2", from, to, k,
                    this::categoryName);
            Mono<List<Count>> byUnit = counts("""
                    select t.unit_id::text as key, u.name as label, count(*) as n
                      from ticket t left join org_unit u on u.id = t.unit_id
                     where t.created_at >= :from and t.created_at < :to""" + match + " group by 1, 2", from, to, k,
                    UnaryOperator.identity());
            Mono<List<Count>> byDay = db.sql("""
                            select (t.created_at at time zone :zone)::date::text as key, count(*) as n from ticket t
                             where t.created_at >= :from and t.created_at < :to""" + match + " group by 1 order by 1")
                    .bind("from", utc(from)).bind("to", utc(to)).bind("k", k).bind("zone", zone.getId())
                    .map(r -> new Count(r.get("key", String.class), r.get("key", String.class), r.get("n", Long.class)))
                    .all().collectList();
            Mono<long[]> totals = db.sql("""
                            select count(*) as matched, count(*) filter (where t.status = 'CLOSED') as closed
                              from ticket t where t.created_at >= :from and t.created_at < :to""" + match)
                    .bind("from", utc(from)).bind("to", utc(to)).bind("k", k)
                    .map(r -> new long[] {r.get("matched", Long.class), r.get("closed", Long.class)}).one();
            Mono<List<TicketLine>> lines = db.sql("""
                            select t.id, t.number, t.created_at, t.title, t.category_code, u.name as unit_name,
                                   t.status
                              from ticket t left join org_unit u on u.id = t.unit_id
                             where t.created_at >= :from and t.created_at < :to""" + match
                            + " order by t.created_at desc, t.number desc limit " + SPECIAL_LISTED)
                    .bind("from", utc(from)).bind("to", utc(to)).bind("k", k)
                    .map(r -> new TicketLine(r.get("id", UUID.class), r.get("number", String.class),
                            instant(r, "created_at"),
                            r.get("title", String.class), r.get("category_code", String.class),
                            r.get("unit_name", String.class), TicketStatus.valueOf(r.get("status", String.class))))
                    .all().collectList();
            return Mono.zip(totals, byCategory, byUnit, byDay, lines).map(t -> new SpecialReport(keyword.strip(),
                    from, to, t.getT1()[0], t.getT1()[1], t.getT2(), t.getT3(), t.getT4(), SPECIAL_LISTED,
                    t.getT5()));
        });
    }

    /** Beijing's three rates per unit over {@code [from, to)} (see the class comment for what each counts). */
    public Mono<List<UnitRates>> rates(Instant from, Instant to) {
        return db.sql("""
                        with dispatched as (
                            select t.unit_id, count(*) as dispatched,
                                   count(*) filter (where exists (
                                       select 1 from ticket_event e
                                        where e.ticket_id = t.id and e.type = 'ACCEPT'
                                          and e.occurred_at >= t.dispatched_at and e.occurred_at <= t.accept_due))
                                       as on_time
                              from ticket t
                             where t.dispatched_at >= :from and t.dispatched_at < :to and t.unit_id is not null
                             group by t.unit_id),
                        outcome as (
                            select distinct on (e.ticket_id) e.ticket_id, e.type,
                                   coalesce(e.detail ->> 'result', substring(e.reason from '^[A-Z_]+')) as result
                              from ticket_event e
                             where e.type in ('REVISIT_CLOSE', 'REVISIT_UNSATISFIED')
                               and e.occurred_at >= :from and e.occurred_at < :to
                             order by e.ticket_id, e.version desc),
                        revisited as (
                            select t.unit_id, count(*) as revisited,
                                   count(*) filter (where o.type = 'REVISIT_CLOSE') as resolved,
                                   count(*) filter (where o.result in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'))
                                       as reached,
                                   count(*) filter (where o.result in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied
                              from outcome o join ticket t on t.id = o.ticket_id
                             where t.unit_id is not null
                             group by t.unit_id)
                        select u.id, u.name, coalesce(d.dispatched, 0) as dispatched, coalesce(d.on_time, 0) as on_time,
                               coalesce(r.revisited, 0) as revisited, coalesce(r.resolved, 0) as resolved,
                               coalesce(r.reached, 0) as reached, coalesce(r.satisfied, 0) as satisfied
                          from org_unit u
                          left join dispatched d on d.unit_id = u.id
                          left join revisited r on r.unit_id = u.id
                         where d.unit_id is not null or r.unit_id is not null
                         order by u.code""")
                .bind("from", utc(from)).bind("to", utc(to))
                .map(r -> {
                    long dispatched = r.get("dispatched", Long.class);
                    long onTime = r.get("on_time", Long.class);
                    long revisited = r.get("revisited", Long.class);
                    long resolved = r.get("resolved", Long.class);
                    long reached = r.get("reached", Long.class);
                    long satisfied = r.get("satisfied", Long.class);
                    return new UnitRates(r.get("id", UUID.class), r.get("name", String.class), dispatched, onTime,
                            rate(onTime, dispatched), revisited, resolved, rate(resolved, revisited), reached,
                            satisfied, rate(satisfied, reached));
                })
                .all().collectList();
    }

    private Mono<Long> received(Instant from, Instant to) {
        return db.sql("""
                        select count(*) as n from ticket t
                         where t.created_at >= :from and t.created_at < :to and t.status <> 'TRANSFERRED_EMERGENCY'""")
                .bind("from", utc(from)).bind("to", utc(to)).map(r -> r.get("n", Long.class)).one();
    }

    private Mono<Long> closed(Instant from, Instant to) {
        return db.sql("""
                        select count(distinct e.ticket_id) as n from ticket_event e
                         where e.to_status = 'CLOSED' and e.from_status <> 'CLOSED'
                           and e.occurred_at >= :from and e.occurred_at < :to""")
                .bind("from", utc(from)).bind("to", utc(to)).map(r -> r.get("n", Long.class)).one();
    }

    private Mono<List<Count>> byChannel(Instant from, Instant to) {
        return counts("""
                select t.channel as key, t.channel as label, count(*) as n from ticket t
                 where t.created_at >= :from and t.created_at < :to and t.status <> 'TRANSFERRED_EMERGENCY'
                 group by 1, 2""", from, to, null, ReportService::channelName);
    }

    private Mono<List<Count>> byCategory(Instant from, Instant to) {
        return counts("""
                select t.category_code as key, t.category_code as label, count(*) as n from ticket t
                 where t.created_at >= :from and t.created_at < :to and t.status <> 'TRANSFERRED_EMERGENCY'
                 group by 1, 2""", from, to, null, this::categoryName);
    }

    private Mono<List<Count>> byUnit(Instant from, Instant to) {
        return counts("""
                select t.unit_id::text as key, u.name as label, count(*) as n
                  from ticket t left join org_unit u on u.id = t.unit_id
                 where t.created_at >= :from and t.created_at < :to and t.status <> 'TRANSFERRED_EMERGENCY'
                 group by 1, 2""", from, to, null, UnaryOperator.identity());
    }

    /** A category counted under its Chinese name; a code the tree no longer has keeps its code. */
    private String categoryName(String code) {
        return categories.find(code).map(c -> c.name()).orElse(code);
    }

    private static String channelName(String channel) {
        try {
            return CHANNEL_NAMES.getOrDefault(Channel.valueOf(channel), channel);
        } catch (IllegalArgumentException unknown) {
            return channel;
        }
    }

    /**
     * A breakdown, largest first, then by label; a null key reads "—", any other label goes through {@code label}
     * (the query's label column is the key or a name from a join).
     */
    private Mono<List<Count>> counts(String sql, Instant from, Instant to, String keyword,
            UnaryOperator<String> label) {
        var spec = db.sql(sql).bind("from", utc(from)).bind("to", utc(to));
        if (keyword != null) {
            spec = spec.bind("k", keyword);
        }
        return spec.map(r -> {
                    String key = r.get("key", String.class);
                    String name = r.get("label", String.class);
                    return new Count(key, name == null ? NONE : label.apply(name), r.get("n", Long.class));
                })
                .all()
                .sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label))
                .collectList();
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("from must be before to, at most " + MAX_RANGE.toDays() + " days apart");
        }
    }

    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b.truncatedTo(ChronoUnit.MICROS);
    }
}
