package com.hotlineops.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Writes tickets, SLA clocks and units straight into the tables, for report and hotspot tests that need times in the
 * past or many tickets (the lifecycle would take minutes for thousands and cannot back-date). The rows have the
 * shape the lifecycle writes; {@code ReportRatesIntegrationTests} checks the same figures through the lifecycle.
 */
public final class StoredTickets {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;

    public StoredTickets(DatabaseClient db) {
        this.db = db;
    }

    /** A department of its own, so a test's per-unit figures count only its own tickets. */
    public UUID unit(String code, String name) {
        UUID id = UUID.nameUUIDFromBytes(("test-unit:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        db.sql("insert into org_unit (id, kind, code, name) values (:id, 'DEPARTMENT', :code, :name) "
                        + "on conflict (id) do nothing")
                .bind("id", id).bind("code", code).bind("name", name).then().block(TIMEOUT);
        return id;
    }

    /** A ticket created at {@code created}, dispatched then to {@code unit} (when not null). */
    public UUID ticket(String number, Instant created, String category, UUID unit, String status, String title,
            Instant finishDue) {
        UUID id = UUID.randomUUID();
        GenericExecuteSpec spec = db.sql("""
                        insert into ticket (id, number, channel, status, grade, title, content, category_code, unit_id,
                                            created_at, updated_at, dispatched_at, finish_due, version)
                        values (:id, :number, 'HOTLINE', :status, 'STANDARD', :title, :title, :category, :unit,
                                :created, :created, :dispatched, :finishDue, 1)""")
                .bind("id", id).bind("number", number).bind("status", status).bind("title", title)
                .bind("created", utc(created));
        spec = category == null ? spec.bindNull("category", String.class) : spec.bind("category", category);
        spec = unit == null ? spec.bindNull("unit", UUID.class) : spec.bind("unit", unit);
        spec = unit == null ? spec.bindNull("dispatched", OffsetDateTime.class) : spec.bind("dispatched", utc(created));
        spec = finishDue == null ? spec.bindNull("finishDue", OffsetDateTime.class)
                : spec.bind("finishDue", utc(finishDue));
        spec.then().block(TIMEOUT);
        return id;
    }

    /** A SIGN_FOR or FINISH clock; {@code stopped} null while it runs. */
    public void clock(UUID ticket, String kind, Instant started, Instant due, Instant stopped) {
        GenericExecuteSpec spec = db.sql("""
                        insert into ticket_sla_clock (ticket_id, clock, started_at, due_at, at_risk_at, stopped_at)
                        values (:id, :clock, :started, :due, :due, :stopped)""")
                .bind("id", ticket).bind("clock", kind).bind("started", utc(started)).bind("due", utc(due));
        spec = stopped == null ? spec.bindNull("stopped", OffsetDateTime.class) : spec.bind("stopped", utc(stopped));
        spec.then().block(TIMEOUT);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
