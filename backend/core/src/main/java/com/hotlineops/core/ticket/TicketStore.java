package com.hotlineops.core.ticket;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.EnterpriseProfile;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketStatus;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for tickets and their events. Callers own the transaction. */
@Component
class TicketStore {

    private static final String COLUMNS = """
            id, number, channel, external_id, status, grade, title, content, category_code, location, citizen_name,
            citizen_phone, unit_id, grid_id, assignee_id, created_at, updated_at, dispatched_at, accept_due,
            finish_due, version, enterprise, company_name, credit_code""";

    /** {@link #COLUMNS} plus the overlays, which commands write with statements of their own. */
    private static final String READ_COLUMNS = COLUMNS + """
            , tags, supervised_at, paused_at, extension_days_requested, extension_reason, extended_days,
            taken_by_director, merged_into, emergency_number""";

    /** {@link #READ_COLUMNS} of a query that calls the ticket table {@code t}. */
    static final String READ_COLUMNS_QUALIFIED = Arrays.stream(READ_COLUMNS.split(","))
            .map(column -> "t." + column.strip()).collect(Collectors.joining(", "));

    private final DatabaseClient db;

    TicketStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<TicketRow> find(UUID id) {
        return db.sql("select " + READ_COLUMNS + " from ticket where id = :id").bind("id", id).map(TicketStore::read).one();
    }

    /** Loads and row-locks the ticket for the rest of the transaction, serialising concurrent commands on it. */
    Mono<TicketRow> lock(UUID id) {
        return db.sql("select " + READ_COLUMNS + " from ticket where id = :id for update").bind("id", id)
                .map(TicketStore::read).one();
    }

    Mono<TicketRow> findByExternalId(Channel channel, String externalId) {
        return db.sql("select " + READ_COLUMNS + " from ticket where channel = :channel and external_id = :external")
                .bind("channel", channel.name()).bind("external", externalId).map(TicketStore::read).one();
    }

    /**
     * Row-locks the open tickets whose sign-for or finish clock is running (DISPATCHED, ACCEPTED, RETURN_REQUESTED),
     * in id order so that concurrent callers cannot deadlock.
     */
    Flux<TicketRow> lockWithRunningClocks() {
        return db.sql("select " + READ_COLUMNS + """
                         from ticket
                        where status in ('DISPATCHED', 'ACCEPTED', 'RETURN_REQUESTED') and dispatched_at is not null
                        order by id
                          for update""")
                .map(TicketStore::read).all();
    }

    /** Matches no row: stands in for a missing grid or unit, so the query keeps one shape. */
    private static final UUID NONE = new UUID(0, 0);

    /** Open tickets offered to the grid (not yet accepted) or assigned to the worker, and for a unit handler the
     * unit's tickets waiting or being handled. */
    Flux<TicketRow> openForWorker(UUID workerId, UUID gridId, UUID unitId) {
        return db.sql("select " + READ_COLUMNS + """
                         from ticket
                        where status not in ('CLOSED', 'TRANSFERRED_EMERGENCY', 'MERGED')
                          and (assignee_id = :worker or (status = 'DISPATCHED' and assignee_id is null and grid_id = :grid)
                               or (status in ('DISPATCHED', 'ACCEPTED') and unit_id = :unit))
                        order by finish_due nulls last, number""")
                .bind("worker", workerId)
                .bind("grid", gridId == null ? NONE : gridId)
                .bind("unit", unitId == null ? NONE : unitId)
                .map(TicketStore::read).all();
    }

    /** Remembers where a return was requested from, so a rejection can go back there. */
    Mono<Void> setReturnFrom(UUID id, TicketStatus from) {
        var spec = db.sql("update ticket set return_from = :from where id = :id").bind("id", id);
        return (from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name())).then();
    }

    Mono<TicketStatus> returnFrom(UUID id) {
        return db.sql("select return_from from ticket where id = :id").bind("id", id)
                .map(r -> r.get("return_from", String.class)).one()
                .map(TicketStatus::valueOf);
    }

    /** Counts one more revisit attempt and answers the new count. */
    Mono<Integer> countRevisitAttempt(UUID id) {
        return db.sql("update ticket set revisit_attempts = revisit_attempts + 1 where id = :id returning revisit_attempts")
                .bind("id", id).map(r -> r.get("revisit_attempts", Integer.class)).one();
    }

    Mono<Void> resetRevisitAttempts(UUID id) {
        return db.sql("update ticket set revisit_attempts = 0 where id = :id").bind("id", id).then();
    }

    /** Adds a mark &amp; track tag once. */
    Mono<Void> tag(UUID id, String tag) {
        return db.sql("update ticket set tags = array_append(tags, :tag) where id = :id and not (:tag = any(tags))")
                .bind("id", id).bind("tag", tag).then();
    }

    Mono<Boolean> hasTag(UUID id, String tag) {
        return db.sql("select :tag = any(tags) as tagged from ticket where id = :id").bind("id", id).bind("tag", tag)
                .map(r -> Boolean.TRUE.equals(r.get("tagged", Boolean.class))).one().defaultIfEmpty(false);
    }

    /**
     * Tags the new ticket director-taken (DESIGN.md §2.7) if its creator is a director on shift at {@code at}.
     */
    Mono<Void> markDirectorTaken(UUID id, UUID creator, Instant at) {
        return db.sql("""
                        update ticket set taken_by_director = :creator, tags = array_append(tags, 'DIRECTOR_TAKEN')
                         where id = :id and exists (select 1 from director_shift
                                                     where director_id = :creator and starts_at <= :at and ends_at > :at)""")
                .bind("id", id).bind("creator", creator).bind("at", utc(at)).then();
    }

    Mono<Void> setMergedInto(UUID id, UUID parent) {
        return db.sql("update ticket set merged_into = :parent where id = :id").bind("id", id).bind("parent", parent)
                .then();
    }

    Mono<Void> setEmergencyNumber(UUID id, String number) {
        return db.sql("update ticket set emergency_number = :number where id = :id").bind("id", id)
                .bind("number", number).then();
    }

    /** The ticket's history, oldest first; {@code detail} as JSON text or null. */
    Flux<StoredEvent> history(UUID id) {
        return db.sql("""
                        select version, type, actor, occurred_at, from_status, to_status, reason, detail::text as detail
                          from ticket_event where ticket_id = :id order by version, id""")
                .bind("id", id)
                .map(r -> new StoredEvent(r.get("version", Long.class), r.get("type", String.class),
                        r.get("actor", String.class), instant(r, "occurred_at"), r.get("from_status", String.class),
                        r.get("to_status", String.class), r.get("reason", String.class), r.get("detail", String.class)))
                .all();
    }

    record StoredEvent(long version, String type, String actor, Instant occurredAt, String from, String to,
            String reason, String detail) {
    }

    /** The finish-clock overlays of a ticket (DESIGN.md §2.3). */
    record ClockOverlays(Integer extensionDaysRequested, int extendedDays, Instant pausedAt, long pausedWorkingSeconds) {

        boolean paused() {
            return pausedAt != null;
        }
    }

    Mono<ClockOverlays> overlays(UUID id) {
        return db.sql("""
                        select extension_days_requested, extended_days, paused_at, paused_working_seconds
                          from ticket where id = :id""")
                .bind("id", id)
                .map(r -> new ClockOverlays(r.get("extension_days_requested", Integer.class),
                        r.get("extended_days", Integer.class), instant(r, "paused_at"),
                        r.get("paused_working_seconds", Long.class)))
                .one();
    }

    Mono<Void> requestExtension(UUID id, int days, String reason) {
        return db.sql("update ticket set extension_days_requested = :days, extension_reason = :reason where id = :id")
                .bind("id", id).bind("days", days).bind("reason", reason).then();
    }

    /** Clears the pending request; {@code grantedDays} are added to the extension total (0 when rejected). */
    Mono<Void> decideExtension(UUID id, int grantedDays) {
        return db.sql("""
                        update ticket set extended_days = extended_days + :granted, extension_days_requested = null,
                               extension_reason = null where id = :id""")
                .bind("id", id).bind("granted", grantedDays).then();
    }

    /**
     * The handler let the ticket go (finished it, or handed it back): a pending extension request lapses undecided, and
     * a pause ends with {@code pausedWorkingSeconds} counted, as a resume counts them.
     */
    Mono<Void> leaveHandler(UUID id, long pausedWorkingSeconds) {
        return db.sql("""
                        update ticket set extension_days_requested = null, extension_reason = null, paused_at = null,
                               paused_working_seconds = paused_working_seconds + :seconds
                         where id = :id""")
                .bind("id", id).bind("seconds", pausedWorkingSeconds).then();
    }

    /**
     * A dispatch starts the finish clock afresh: no extension granted to a unit the ticket was dispatched to before,
     * no time it spent paused there, no request still waiting.
     */
    Mono<Void> freshClocks(UUID id) {
        return db.sql("""
                        update ticket set extended_days = 0, paused_working_seconds = 0, paused_at = null,
                               extension_days_requested = null, extension_reason = null
                         where id = :id""")
                .bind("id", id).then();
    }

    Mono<Void> pause(UUID id, Instant at) {
        return db.sql("update ticket set paused_at = :at where id = :id").bind("id", id)
                .bind("at", utc(at)).then();
    }

    Mono<Void> resume(UUID id, long pausedWorkingSeconds) {
        return db.sql("""
                        update ticket set paused_at = null, paused_working_seconds = paused_working_seconds + :seconds
                         where id = :id""")
                .bind("id", id).bind("seconds", pausedWorkingSeconds).then();
    }

    /** The next number of the day: {@code yyyyMMdd} + 6 digits (DESIGN.md §2.2). */
    Mono<String> nextNumber(LocalDate day) {
        return db.sql("""
                        insert into ticket_number_seq (day, last) values (:day, 1)
                        on conflict (day) do update set last = ticket_number_seq.last + 1
                        returning last""")
                .bind("day", day)
                .map(row -> row.get("last", Integer.class)).one()
                .map(n -> "%04d%02d%02d%06d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), n));
    }

    Mono<Void> insert(TicketRow t) {
        GenericExecuteSpec spec = db.sql("insert into ticket (" + COLUMNS + """
                ) values (:id, :number, :channel, :external, :status, :grade, :title, :content, :category, :location,
                          :citizenName, :citizenPhone, :unit, :grid, :assignee, :created, :updated, :dispatched,
                          :acceptDue, :finishDue, :version, :enterprise, :companyName, :creditCode)""");
        return bindAll(spec, t).then();
    }

    /** Writes the changed row; the version check makes a lost update impossible even without the row lock. */
    Mono<Void> update(TicketRow t) {
        GenericExecuteSpec spec = db.sql("""
                update ticket set status = :status, unit_id = :unit, grid_id = :grid, assignee_id = :assignee,
                       updated_at = :updated, dispatched_at = :dispatched, accept_due = :acceptDue,
                       finish_due = :finishDue, version = :version
                 where id = :id and version = :version - 1""");
        spec = spec.bind("id", t.id()).bind("status", t.status().name()).bind("version", t.version());
        spec = nullable(spec, "unit", t.unitId(), UUID.class);
        spec = nullable(spec, "grid", t.gridId(), UUID.class);
        spec = nullable(spec, "assignee", t.assigneeId(), UUID.class);
        spec = nullable(spec, "updated", utc(t.updatedAt()), OffsetDateTime.class);
        spec = nullable(spec, "dispatched", utc(t.dispatchedAt()), OffsetDateTime.class);
        spec = nullable(spec, "acceptDue", utc(t.acceptDue()), OffsetDateTime.class);
        spec = nullable(spec, "finishDue", utc(t.finishDue()), OffsetDateTime.class);
        return spec.fetch().rowsUpdated().flatMap(n -> n == 1 ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("Concurrent update of ticket " + t.number())));
    }

    Mono<Void> appendEvent(TicketRow after, TicketStatus from, String type, String actor, String reason) {
        return appendEvent(after, from, type, actor, reason, null);
    }

    /** @param detail JSON of before/after values beyond the state, or null */
    Mono<Void> appendEvent(TicketRow after, TicketStatus from, String type, String actor, String reason,
            String detail) {
        GenericExecuteSpec spec = db.sql("""
                insert into ticket_event (ticket_id, version, type, actor, occurred_at, from_status, to_status, reason,
                                          detail)
                values (:ticket, :version, :type, :actor, :at, :from, :to, :reason, :detail)""")
                .bind("ticket", after.id()).bind("version", after.version()).bind("type", type)
                .bind("actor", actor).bind("at", utc(after.updatedAt())).bind("to", after.status().name());
        spec = nullable(spec, "from", from == null ? null : from.name(), String.class);
        spec = nullable(spec, "reason", reason, String.class);
        spec = detail == null ? spec.bindNull("detail", Json.class) : spec.bind("detail", Json.of(detail));
        return spec.then();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, TicketRow t) {
        spec = spec.bind("id", t.id()).bind("number", t.number()).bind("channel", t.channel().name())
                .bind("status", t.status().name()).bind("grade", t.grade().name()).bind("title", t.title())
                .bind("content", t.content()).bind("created", utc(t.createdAt())).bind("updated", utc(t.updatedAt()))
                .bind("version", t.version());
        spec = nullable(spec, "external", t.externalId(), String.class);
        spec = nullable(spec, "category", t.categoryCode(), String.class);
        spec = nullable(spec, "location", t.location(), String.class);
        spec = nullable(spec, "citizenName", t.citizenName(), String.class);
        spec = nullable(spec, "citizenPhone", t.citizenPhone(), String.class);
        spec = nullable(spec, "unit", t.unitId(), UUID.class);
        spec = nullable(spec, "grid", t.gridId(), UUID.class);
        spec = nullable(spec, "assignee", t.assigneeId(), UUID.class);
        spec = nullable(spec, "dispatched", utc(t.dispatchedAt()), OffsetDateTime.class);
        spec = nullable(spec, "acceptDue", utc(t.acceptDue()), OffsetDateTime.class);
        spec = nullable(spec, "finishDue", utc(t.finishDue()), OffsetDateTime.class);
        spec = spec.bind("enterprise", t.isEnterprise());
        spec = nullable(spec, "companyName", t.isEnterprise() ? t.enterprise().companyName() : null, String.class);
        spec = nullable(spec, "creditCode", t.isEnterprise() ? t.enterprise().creditCode() : null, String.class);
        return spec;
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static TicketRow read(Readable row) {
        return new TicketRow(row.get("id", UUID.class), row.get("number", String.class),
                Channel.valueOf(row.get("channel", String.class)), row.get("external_id", String.class),
                TicketStatus.valueOf(row.get("status", String.class)),
                TicketGrade.valueOf(row.get("grade", String.class)), row.get("title", String.class),
                row.get("content", String.class), row.get("category_code", String.class),
                row.get("location", String.class), row.get("citizen_name", String.class),
                row.get("citizen_phone", String.class), row.get("unit_id", UUID.class),
                row.get("grid_id", UUID.class), row.get("assignee_id", UUID.class), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "dispatched_at"), instant(row, "accept_due"),
                instant(row, "finish_due"), row.get("version", Long.class), overlays(row),
                Boolean.TRUE.equals(row.get("enterprise", Boolean.class))
                        ? new EnterpriseProfile(row.get("company_name", String.class), row.get("credit_code", String.class))
                        : null);
    }

    private static TicketOverlays overlays(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new TicketOverlays(tags == null ? List.of() : List.of(tags), instant(row, "supervised_at"),
                instant(row, "paused_at"), row.get("extension_days_requested", Integer.class),
                row.get("extension_reason", String.class), row.get("extended_days", Integer.class),
                row.get("taken_by_director", UUID.class), row.get("merged_into", UUID.class),
                row.get("emergency_number", String.class));
    }
}
