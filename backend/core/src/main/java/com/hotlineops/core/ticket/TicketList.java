package com.hotlineops.core.ticket;

import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketPage;
import com.hotlineops.contract.ticket.TicketSort;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Work queues and boards for the desk consoles: tickets filtered by {@link TicketQuery}, each with the state of its
 * worst running SLA clock computed as the wall's board does (DESIGN.md §2.3), within what the caller may see
 * (DESIGN.md §3: city-level staff all, a unit handler their unit's, a grid worker their grid's offers and their own).
 */
@Service
public class TicketList {

    /**
     * Per ticket, its running clocks folded into one: the nearest due time, the earliest at-risk instant and whether
     * one is paused (a paused clock has no due time). Same fold as the wall's ticket board.
     */
    private static final String RUNNING = """
            left join lateral (select min(c.due_at) as due, min(c.at_risk_at) as risk,
                                      bool_or(c.due_at is null) as paused, count(*) as running
                                 from ticket_sla_clock c
                                where c.ticket_id = t.id and c.stopped_at is null) s on true
            left join org_unit u on u.id = t.unit_id""";

    /** The worst running clock's state at :now, as {@link com.hotlineops.core.sla.SlaStates#of} decides it. */
    private static final String SLA_STATE = """
            (case when s.running = 0 or t.status in ('CLOSED', 'MERGED', 'TRANSFERRED_EMERGENCY') then null
                  when s.due is null then 'PAUSED'
                  when s.due <= :now then 'OVERDUE'
                  when s.risk is not null and s.risk <= :now then 'AT_RISK'
                  else 'ON_TRACK' end)""";

    private static final String DUE_KEY = "coalesce(s.due, 'infinity'::timestamptz)";
    private static final String INFINITY = "infinity";
    /** A timestamptz as PostgreSQL prints it, the only sort key a cursor may carry besides infinity. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?[+-]\\d\\d(:\\d\\d){0,2}");

    private final DatabaseClient db;
    private final Clock clock;

    TicketList(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<TicketPage> page(TicketQuery query, Actor actor) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Map<String, Object> binds = new LinkedHashMap<>();
            binds.put("now", utc(now));
            List<String> where = new ArrayList<>();
            if (!visibility(actor, where, binds)) {
                return Mono.just(new TicketPage(List.of(), null));
            }
            filters(query, where, binds);
            String sortKey = query.sort() == TicketSort.DUE ? DUE_KEY : "t.created_at";
            Cursor after = Cursor.decode(query.cursor());
            if (after != null) {
                where.add("(" + sortKey + ", t.id) > (:afterKey::timestamptz, :afterId)");
                binds.put("afterKey", after.key());
                binds.put("afterId", after.id());
            }
            String sql = "select " + TicketStore.READ_COLUMNS_QUALIFIED + ", u.name as unit_name, s.due as next_due, "
                    + SLA_STATE + " as sla, " + sortKey + "::text as sort_key from ticket t " + RUNNING
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by " + sortKey + ", t.id limit " + (query.limit() + 1);
            GenericExecuteSpec spec = db.sql(sql);
            for (Map.Entry<String, Object> bind : binds.entrySet()) {
                spec = spec.bind(bind.getKey(), bind.getValue());
            }
            return spec.map(row -> new Row(item(row), row.get("sort_key", String.class))).all().collectList()
                    .map(rows -> page(rows, query.limit()));
        });
    }

    private record Row(TicketListItem item, String sortKey) {
    }

    private static TicketPage page(List<Row> rows, int limit) {
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Row last = shown.getLast();
            next = new Cursor(last.sortKey(), last.item().ticket().id()).encode();
        }
        return new TicketPage(shown.stream().map(Row::item).toList(), next);
    }

    /**
     * Whether the list shows {@code actor} every ticket (city-level staff, DESIGN.md §3), with no unit or grid
     * condition. Whoever follows a desk's changes must be such a caller, since the changes are not filtered further.
     */
    public static boolean seesEveryTicket(Actor actor) {
        return actor.hasAny(Role.ADMIN, Role.AGENT, Role.DIRECTOR, Role.DISPATCHER, Role.SUPERVISOR, Role.AUDITOR,
                Role.REVISIT);
    }

    /** Adds the caller's visibility; false when the caller may see no ticket at all. */
    private static boolean visibility(Actor actor, List<String> where, Map<String, Object> binds) {
        if (seesEveryTicket(actor)) {
            return true;
        }
        List<String> any = new ArrayList<>();
        if (actor.has(Role.UNIT_HANDLER) && actor.unitId() != null) {
            any.add("t.unit_id = :myUnit");
            binds.put("myUnit", actor.unitId());
        }
        if (actor.has(Role.GRID_WORKER)) {
            binds.put("me", actor.userId());
            if (actor.gridId() != null) {
                any.add("(t.assignee_id = :me or (t.status = 'DISPATCHED' and t.assignee_id is null"
                        + " and t.grid_id = :myGrid))");
                binds.put("myGrid", actor.gridId());
            } else {
                any.add("t.assignee_id = :me");
            }
        }
        if (any.isEmpty()) {
            return false;
        }
        where.add("(" + String.join(" or ", any) + ")");
        return true;
    }

    private static void filters(TicketQuery q, List<String> where, Map<String, Object> binds) {
        if (!q.statuses().isEmpty()) {
            where.add("t.status = any(:statuses)");
            binds.put("statuses", q.statuses().stream().map(TicketStatus::name).sorted().toArray(String[]::new));
        }
        if (q.unitId() != null) {
            where.add("t.unit_id = :unit");
            binds.put("unit", q.unitId());
        }
        if (q.sla() != null) {
            where.add(SLA_STATE + " = :sla");
            binds.put("sla", q.sla().name());
        }
        if (q.tag() != null) {
            where.add(":tag = any(t.tags)");
            binds.put("tag", q.tag());
        }
        if (q.supervised() != null) {
            where.add(q.supervised() ? "t.supervised_at is not null" : "t.supervised_at is null");
        }
        if (q.extensionPending() != null) {
            where.add(q.extensionPending() ? "t.extension_days_requested is not null"
                    : "t.extension_days_requested is null");
        }
        if (q.channel() != null) {
            where.add("t.channel = :channel");
            binds.put("channel", q.channel().name());
        }
        if (q.text() != null) {
            where.add("(t.number = :text or strpos(t.title, :text) > 0)");
            binds.put("text", q.text());
        }
    }

    private static TicketListItem item(Readable row) {
        TicketRow ticket = TicketStore.read(row);
        String sla = row.get("sla", String.class);
        OffsetDateTime due = row.get("next_due", OffsetDateTime.class);
        return new TicketListItem(ticket.view(), row.get("unit_name", String.class),
                sla == null ? null : SlaState.valueOf(sla), due == null ? null : due.toInstant());
    }

    /** Where the previous page ended: its sort key as PostgreSQL printed it, and the id that breaks ties. */
    private record Cursor(String key, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.lastIndexOf('|');
                String key = text.substring(0, bar);
                if (!key.equals(INFINITY) && !TIMESTAMP.matcher(key).matches()) {
                    throw new IllegalArgumentException(key);
                }
                return new Cursor(key, UUID.fromString(text.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new InvalidTicketCommandException("cursor is not one this API gave out");
            }
        }
    }
}
