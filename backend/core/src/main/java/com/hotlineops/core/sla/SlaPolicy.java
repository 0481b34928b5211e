package com.hotlineops.core.sla;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.contract.ticket.TicketGrade;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The SLA limits of DESIGN.md §2.3 as data: table {@code sla_policy}, read at start and again after an
 * administrator's edit (defaults: sign-for within 2 working hours; finish within 1, 3, 1 or 7 working days of dispatch
 * by grade; revisit within 1 working day of the audit).
 */
@Component
public class SlaPolicy implements SmartInitializingSingleton {

    /** A limit: {@code amount} of {@code unit}. */
    public record Limit(long amount, DurationUnit unit) {

        public Limit {
            Objects.requireNonNull(unit, "unit");
            if (amount < 0) {
                throw new IllegalArgumentException("amount must not be negative");
            }
        }

        /** As working time (for {@code HOURS}: the same length, counted on the wall clock by the caller). */
        Duration length() {
            return unit == DurationUnit.WORKING_DAYS ? Duration.ofDays(amount) : Duration.ofHours(amount);
        }
    }

    /** The limits of one grade, or of the revisit ({@code signFor} null). */
    public record Limits(Limit signFor, Limit finish) {

        public Limits {
            Objects.requireNonNull(finish, "finish");
        }
    }

    public static final String REVISIT = "REVISIT";

    /** The defaults of DESIGN.md §2.3, also seeded into the table by migration V2. */
    public static final Map<String, Limits> DEFAULTS = Map.of(
            "IMMEDIATE", new Limits(new Limit(2, DurationUnit.WORKING_HOURS), new Limit(1, DurationUnit.WORKING_DAYS)),
            "STANDARD", new Limits(new Limit(2, DurationUnit.WORKING_HOURS), new Limit(3, DurationUnit.WORKING_DAYS)),
            "ENTERPRISE_GENERAL", new Limits(new Limit(2, DurationUnit.WORKING_HOURS),
                    new Limit(1, DurationUnit.WORKING_DAYS)),
            "ENTERPRISE_COMPLEX", new Limits(new Limit(2, DurationUnit.WORKING_HOURS),
                    new Limit(7, DurationUnit.WORKING_DAYS)),
            REVISIT, new Limits(null, new Limit(1, DurationUnit.WORKING_DAYS)));

    private final WorkingCalendar calendar;
    private final DatabaseClient db;
    private volatile Map<String, Limits> limits;

    @Autowired
    SlaPolicy(WorkingCalendar calendar, DatabaseClient db) {
        this.calendar = calendar;
        this.db = db;
        this.limits = DEFAULTS;
    }

    /** Without a database: fixed limits (tests). */
    public SlaPolicy(WorkingCalendar calendar, Map<String, Limits> limits) {
        this.calendar = calendar;
        this.db = null;
        this.limits = Map.copyOf(limits);
    }

    /** Bootstrap: deadlines must follow the table before the first command is served, so this blocks once. */
    @Override
    public void afterSingletonsInstantiated() {
        if (db != null) {
            reload().block(Duration.ofSeconds(30));
        }
    }

    /**
     * Reads the table again (after an administrator's edit, here or on another instance); kinds missing from the
     * table keep their defaults. Inside a transaction it sees that transaction's writes.
     */
    public Mono<Void> reload() {
        if (db == null) {
            return Mono.empty();
        }
        return db.sql("select kind, sign_for_amount, sign_for_unit, finish_amount, finish_unit from sla_policy")
                .map(r -> {
                    Integer signFor = r.get("sign_for_amount", Integer.class);
                    String signForUnit = r.get("sign_for_unit", String.class);
                    return Map.entry(r.get("kind", String.class), new Limits(
                            signFor == null || signForUnit == null ? null
                                    : new Limit(signFor, DurationUnit.valueOf(signForUnit)),
                            new Limit(r.get("finish_amount", Integer.class),
                                    DurationUnit.valueOf(r.get("finish_unit", String.class)))));
                })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .doOnNext(loaded -> {
                    Map<String, Limits> merged = new HashMap<>(DEFAULTS);
                    merged.putAll(loaded);
                    limits = Map.copyOf(merged);
                })
                .then();
    }

    public Limits limits(String kind) {
        Limits l = limits.get(kind);
        if (l == null) {
            throw new IllegalArgumentException("No SLA policy for " + kind);
        }
        return l;
    }

    public Instant acceptDue(Instant dispatchedAt, TicketGrade grade) {
        Limit l = limits(grade.name()).signFor();
        return l == null ? null : calendar.add(dispatchedAt, l.amount(), l.unit());
    }

    /** Sign-for deadline of a {@code STANDARD} ticket. */
    public Instant acceptDue(Instant dispatchedAt) {
        return acceptDue(dispatchedAt, TicketGrade.STANDARD);
    }

    public Instant finishDue(Instant dispatchedAt, TicketGrade grade) {
        return finishDue(dispatchedAt, grade, 0, Duration.ZERO);
    }

    /**
     * The finish deadline with its overlays: approved extensions add working days, time spent paused (in working
     * time) is added on top, because the clock stood still.
     */
    public Instant finishDue(Instant dispatchedAt, TicketGrade grade, int extendedDays, Duration paused) {
        Limit l = limits(grade.name()).finish();
        if (l.unit() == DurationUnit.HOURS) {
            return dispatchedAt.plus(Duration.ofHours(l.amount())).plus(Duration.ofDays(extendedDays)).plus(paused);
        }
        return calendar.addWorkingTime(dispatchedAt, l.length().plus(Duration.ofDays(extendedDays)).plus(paused));
    }

    public Instant revisitDue(Instant auditedAt) {
        Limit l = limits(REVISIT).finish();
        return calendar.add(auditedAt, l.amount(), l.unit());
    }

    /**
     * The instant at which 75 % of the allotted time between {@code start} and {@code due} is used: AT_RISK
     * (DESIGN.md §2.3). Working-time limits count working time; wall-clock ones wall time.
     */
    public Instant atRisk(Instant start, Instant due, boolean wallClock) {
        if (start == null || due == null) {
            return null;
        }
        if (wallClock) {
            return start.plus(Duration.between(start, due).multipliedBy(3).dividedBy(4));
        }
        Duration allotted = calendar.workingTimeBetween(start, due);
        return calendar.addWorkingTime(start, allotted.multipliedBy(3).dividedBy(4));
    }

    public boolean finishOnWallClock(TicketGrade grade) {
        return limits(grade.name()).finish().unit() == DurationUnit.HOURS;
    }

    public boolean signForOnWallClock(TicketGrade grade) {
        Limit l = limits(grade.name()).signFor();
        return l != null && l.unit() == DurationUnit.HOURS;
    }

    public boolean revisitOnWallClock() {
        return limits(REVISIT).finish().unit() == DurationUnit.HOURS;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
