package com.hotlineops.core.policy;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.contract.sla.SlaLimit;
import com.hotlineops.contract.sla.SlaPolicyEdit;
import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.sla.SlaPolicy;
import com.hotlineops.core.ticket.TicketService;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and edits the SLA policies of DESIGN.md §2.3 (docs/decisions/0022). A PUT replaces one grade's whole policy:
 * repeating it changes nothing. A change is written, loaded into this instance's {@link SlaPolicy}, applied to the
 * deadlines of open tickets ({@link TicketService#recomputeDeadlines}, each moved ticket with its event) and announced
 * on the outbox, all in one transaction; tickets created afterwards get the new limits as any other.
 */
@Service
public class SlaPolicyService {

    /** The longest limit accepted: well beyond any grade of the hotline, short enough to catch a typo. */
    static final int MAX_WORKING_DAYS = 60;
    static final int MAX_HOURS = 24 * MAX_WORKING_DAYS;
    private static final long EDIT_LOCK = 0x4_071_0ffL + 48;
    private static final String SELECT = """
            select kind, sign_for_amount, sign_for_unit, finish_amount, finish_unit, updated_at, updated_by
              from sla_policy""";

    private final DatabaseClient db;
    private final SlaPolicy policy;
    private final TicketService tickets;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    SlaPolicyService(DatabaseClient db, SlaPolicy policy, TicketService tickets, Outbox outbox,
            TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.tickets = tickets;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The grades in the order of DESIGN.md §2.3, then the revisit. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (TicketGrade g : TicketGrade.values()) {
            kinds.add(g.name());
        }
        kinds.add(SlaPolicy.REVISIT);
        return List.copyOf(kinds);
    }

    public Flux<SlaPolicyView> all(Actor actor) {
        return Flux.defer(() -> {
            requireAdmin(actor);
            List<String> order = kinds();
            return db.sql(SELECT).map(SlaPolicyService::read).all()
                    .sort((a, b) -> Integer.compare(order.indexOf(a.grade()), order.indexOf(b.grade())));
        });
    }

    public Mono<SlaPolicyView> find(String grade, Actor actor) {
        return Mono.defer(() -> {
            requireAdmin(actor);
            return one(requireKind(grade), "");
        });
    }

    /** Replaces the grade's policy; the same policy again answers {@code changed=false} and moves nothing. */
    public Mono<SlaPolicyEditResult> replace(String grade, SlaPolicyEdit edit, Actor actor) {
        return Mono.defer(() -> {
            requireAdmin(actor);
            String kind = requireKind(grade);
            validate(kind, edit);
            Mono<SlaPolicyEditResult> work = db.sql("select pg_advisory_xact_lock(" + EDIT_LOCK + ")").then()
                    .then(one(kind, " for update"))
                    .flatMap(current -> same(current, edit)
                            ? Mono.just(new SlaPolicyEditResult(current, false, 0))
                            : write(kind, edit, actor)
                                    .then(policy.reload())
                                    .then(tickets.recomputeDeadlines(actor, "SLA policy " + kind + " changed"))
                                    .flatMap(moved -> one(kind, "").flatMap(after -> outbox
                                            .append(Topic.SLA_POLICY, after)
                                            .thenReturn(new SlaPolicyEditResult(after, true, moved)))));
            // A rolled-back edit must not stay in memory: read the table as it is.
            return tx.transactional(work).onErrorResume(e -> policy.reload().then(Mono.error(e)));
        });
    }

    private Mono<SlaPolicyView> one(String kind, String suffix) {
        return db.sql(SELECT + " where kind = :kind" + suffix).bind("kind", kind).map(SlaPolicyService::read).one()
                .switchIfEmpty(Mono.fromSupplier(() -> defaults(kind)));
    }

    /** The row, inserted from the defaults when the table lacks it (a policy added after migration V2). */
    private Mono<Void> write(String kind, SlaPolicyEdit edit, Actor actor) {
        GenericExecuteSpec spec = db.sql("""
                        insert into sla_policy (kind, sign_for_amount, sign_for_unit, finish_amount, finish_unit,
                                                updated_at, updated_by)
                        values (:kind, :signForAmount, :signForUnit, :finishAmount, :finishUnit, :at, :by)
                        on conflict (kind) do update
                           set sign_for_amount = excluded.sign_for_amount, sign_for_unit = excluded.sign_for_unit,
                               finish_amount = excluded.finish_amount, finish_unit = excluded.finish_unit,
                               updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .bind("kind", kind)
                .bind("finishAmount", edit.finish().amount())
                .bind("finishUnit", edit.finish().unit().name())
                .bind("at", clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .bind("by", actor.username());
        spec = edit.signFor() == null
                ? spec.bindNull("signForAmount", Integer.class).bindNull("signForUnit", String.class)
                : spec.bind("signForAmount", edit.signFor().amount()).bind("signForUnit", edit.signFor().unit().name());
        return spec.then();
    }

    private static boolean same(SlaPolicyView current, SlaPolicyEdit edit) {
        return Objects.equals(current.signFor(), edit.signFor()) && Objects.equals(current.finish(), edit.finish());
    }

    static void validate(String kind, SlaPolicyEdit edit) {
        if (edit == null || edit.finish() == null) {
            throw new IllegalArgumentException("finish is required: {amount, unit}");
        }
        validate("finish", edit.finish());
        boolean revisit = SlaPolicy.REVISIT.equals(kind);
        if (revisit && edit.signFor() != null) {
            throw new IllegalArgumentException("the revisit has no sign-for limit: leave signFor out");
        }
        if (!revisit && edit.signFor() == null) {
            throw new IllegalArgumentException("signFor is required for a ticket grade: {amount, unit}");
        }
        if (edit.signFor() != null) {
            validate("signFor", edit.signFor());
            if (hours(edit.signFor()) > hours(edit.finish())) {
                throw new IllegalArgumentException("the sign-for limit may not be longer than the finish limit");
            }
        }
    }

    private static void validate(String name, SlaLimit limit) {
        if (limit.amount() == null || limit.unit() == null) {
            throw new IllegalArgumentException(name
                    + " needs an amount and a unit (WORKING_DAYS, WORKING_HOURS, HOURS)");
        }
        int max = limit.unit() == DurationUnit.WORKING_DAYS ? MAX_WORKING_DAYS : MAX_HOURS;
        if (limit.amount() < 1 || limit.amount() > max) {
            throw new IllegalArgumentException(name + ".amount must be between 1 and " + max + " for " + limit.unit());
        }
    }

    /** A limit's nominal length in hours (a working day accrues 24 working hours, DESIGN.md §2.3). */
    private static long hours(SlaLimit limit) {
        return limit.unit() == DurationUnit.WORKING_DAYS ? 24L * limit.amount() : limit.amount();
    }

    private static String requireKind(String grade) {
        if (grade == null || !kinds().contains(grade)) {
            throw new NoSuchElementException("No SLA policy " + grade + "; there are " + kinds());
        }
        return grade;
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an administrator may read or edit SLA policies");
        }
    }

    private SlaPolicyView defaults(String kind) {
        SlaPolicy.Limits l = SlaPolicy.DEFAULTS.get(kind);
        return new SlaPolicyView(kind, limit(l.signFor()), limit(l.finish()), null, null);
    }

    private static SlaLimit limit(SlaPolicy.Limit l) {
        return l == null ? null : new SlaLimit((int) l.amount(), l.unit());
    }

    private static SlaPolicyView read(Readable r) {
        Integer signFor = r.get("sign_for_amount", Integer.class);
        String signForUnit = r.get("sign_for_unit", String.class);
        OffsetDateTime at = r.get("updated_at", OffsetDateTime.class);
        return new SlaPolicyView(r.get("kind", String.class),
                signFor == null || signForUnit == null ? null
                        : new SlaLimit(signFor, DurationUnit.valueOf(signForUnit)),
                new SlaLimit(r.get("finish_amount", Integer.class), DurationUnit.valueOf(r.get("finish_unit",
                        String.class))),
                at == null ? null : at.toInstant(), r.get("updated_by", String.class));
    }
}
