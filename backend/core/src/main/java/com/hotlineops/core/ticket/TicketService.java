package com.hotlineops.core.ticket;

import com.hotlineops.contract.mobile.CheckIn;
import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.sla.SlaEvent;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.EnterpriseProfile;
import com.hotlineops.contract.ticket.ThreeWayCallRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.category.CategoryTree;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.enterprise.CreditCode;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.org.OrgDirectory;
import com.hotlineops.core.org.OrgUnit;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.sla.SlaPolicy;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import com.hotlineops.core.ticket.TicketStore.ClockOverlays;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket commands. Each runs in one transaction that locks the ticket row, checks the transition with
 * {@link TicketLifecycle}, writes the row, its immutable event and the outbox entry — or nothing at all.
 */
@Service
public class TicketService {

    /** Event type of a deadline change without a state change (calendar edit). */
    public static final String DEADLINES_MOVED = "DEADLINES_MOVED";

    /** Mark &amp; track tag of a ticket reopened after an unsatisfied revisit (DESIGN.md §2.6). */
    public static final String UNSATISFIED_TAG = "UNSATISFIED";
    static final int MAX_REVISIT_ATTEMPTS = 3;
    /** Mark &amp; track tag of a ticket with a promised deadline (承诺件). */
    public static final String PROMISED_TAG = "PROMISED";
    static final List<String> TAGS = List.of(PROMISED_TAG, UNSATISFIED_TAG);
    static final int MAX_EXTENSION_DAYS = 30;
    /** Detail key of a revisit event: the {@code RevisitResult} (reports count satisfaction from it). */
    public static final String REVISIT_RESULT = "result";
    /** How far a reported call time may lie ahead of this server's clock (clocks of desks differ a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final int SWEEP_BATCH = 500;
    /** The actor of automatic changes made by the SLA sweeper. */
    static final Actor SWEEPER = new Actor(new UUID(0, 0), "sla-sweeper", Set.of(), null, null);
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    static final List<String> EMERGENCY_NUMBERS = List.of("110", "119", "120", "122");
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new tools.jackson.core.type.TypeReference<>() { };

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");

    private final TicketStore store;
    private final OrgDirectory org;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final SlaPolicy sla;
    private final Clock clock;
    private final ZoneId zone;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final SlaClockStore clocks;
    private final CategoryTree categories;

    TicketService(TicketStore store, OrgDirectory org, Outbox outbox, TransactionalOperator tx, SlaPolicy sla,
            Clock clock, HotlineProperties properties, DatabaseClient db, JsonMapper json, SlaClockStore clocks,
            CategoryTree categories) {
        this.clocks = clocks;
        this.categories = categories;
        this.store = store;
        this.org = org;
        this.outbox = outbox;
        this.tx = tx;
        this.sla = sla;
        this.clock = clock;
        this.zone = properties.zone();
        this.db = db;
        this.json = json;
    }

    /**
     * Records a request from any channel (DESIGN.md §2.1). Voice channels start {@code RECEIVED} (the agent may
     * answer directly); the others go straight to the dispatch queue. A repeated {@code (channel, externalId)}
     * returns the first ticket and changes nothing.
     */
    public Mono<IntakeResult> intake(IntakeRequest request, Actor actor) {
        return intake(request, null, actor);
    }

    /**
     * Intake of an emergency matter (DESIGN.md §2.1) in one call: the request is recorded and at once
     * TRANSFERRED_EMERGENCY with the number it was sent to (110, 119, 120 or 122), never dispatched. Idempotent like
     * {@link #intake(IntakeRequest, Actor)}: a repeat returns the first ticket as it is.
     */
    public Mono<IntakeResult> intakeEmergency(IntakeRequest request, String number, Actor actor) {
        if (number == null || !EMERGENCY_NUMBERS.contains(number.strip())) {
            return Mono.error(new InvalidTicketCommandException("emergency number must be one of " + EMERGENCY_NUMBERS));
        }
        return intake(request, number.strip(), actor);
    }

    private Mono<IntakeResult> intake(IntakeRequest request, String emergencyNumber, Actor actor) {
        return Mono.defer(() -> {
            validate(request);
            Mono<IntakeResult> create = tx.transactional(create(request, emergencyNumber, actor)
                            .flatMap(this::reread))
                    .map(row -> new IntakeResult(row.view(), true));
            if (request.externalId() == null) {
                return create;
            }
            Mono<IntakeResult> existing = store.findByExternalId(request.channel(), request.externalId())
                    .map(row -> new IntakeResult(row.view(), false));
            return existing.switchIfEmpty(create
                    .onErrorResume(DataIntegrityViolationException.class, e -> existing));
        });
    }

    private Mono<TicketRow> create(IntakeRequest r, String emergencyNumber, Actor actor) {
        Instant now = now();
        Citizen citizen = r.citizen() == null ? new Citizen(null, null) : r.citizen();
        boolean enterprise = isEnterprise(r);
        TicketGrade grade = r.grade() != null ? r.grade()
                : enterprise ? TicketGrade.ENTERPRISE_GENERAL : TicketGrade.STANDARD;
        EnterpriseProfile company = !enterprise ? null : r.company() == null ? new EnterpriseProfile(null, null)
                : new EnterpriseProfile(blankToNull(r.company().companyName()), blankToNull(r.company().creditCode())
                        == null ? null : new CreditCode(r.company().creditCode()).value());
        boolean voice = r.channel() == Channel.HOTLINE || r.channel() == Channel.ENTERPRISE_LINE;
        return store.nextNumber(LocalDate.ofInstant(now, zone))
                .map(number -> new TicketRow(UUID.randomUUID(), number, r.channel(), blankToNull(r.externalId()),
                        TicketStatus.RECEIVED, grade, r.title().strip(), r.content().strip(),
                        blankToNull(r.categoryCode()), blankToNull(r.location()), blankToNull(citizen.name()),
                        blankToNull(citizen.phone()), null, null, null, now, now, null, null, null, 1,
                        TicketOverlays.NONE, company))
                .flatMap(row -> store.insert(row)
                        .then(actor.has(Role.DIRECTOR) ? store.markDirectorTaken(row.id(), actor.userId(), now)
                                : Mono.empty())
                        .then(store.appendEvent(row, null, "RECEIVED", actor.username(), "intake via " + r.channel()))
                        .then(outbox.append(Topic.TICKET, changed(row, null, "RECEIVED", actor)))
                        .thenReturn(row))
                .flatMap(row -> emergencyNumber != null ? apply(row, TicketAction.TRANSFER_EMERGENCY, actor,
                                "transferred to " + emergencyNumber, Function.identity())
                                .flatMap(after -> store.setEmergencyNumber(row.id(), emergencyNumber).thenReturn(after))
                        : voice ? Mono.just(row)
                        : apply(row, TicketAction.SUBMIT_FOR_DISPATCH, actor, null, Function.identity()));
    }

    /** RECEIVED → PENDING_DISPATCH: the agent could not answer directly. */
    public Mono<TicketView> submitForDispatch(UUID ticketId, Actor actor) {
        return change(ticketId, actor, t -> apply(t, TicketAction.SUBMIT_FOR_DISPATCH, actor, null,
                Function.identity()));
    }

    /**
     * Direct dispatch to a township/street or department (市级直派乡镇); with a grid, the ticket is offered to that
     * grid's workers and the first to accept takes it. Starts the sign-for and finish clocks (DESIGN.md §2.3).
     */
    public Mono<TicketView> dispatch(UUID ticketId, DispatchRequest request, Actor actor) {
        if (request == null || request.unitId() == null) {
            return Mono.error(new InvalidTicketCommandException("unitId is required"));
        }
        Mono<OrgUnit> unit = org.find(request.unitId())
                .filter(u -> u.kind().receivesDispatch())
                .switchIfEmpty(Mono.error(() -> new InvalidTicketCommandException(
                        "unitId must name a township/street or department")));
        Mono<UUID> grid = request.gridId() == null ? Mono.just(new UUID(0, 0)) : org.find(request.gridId())
                .filter(g -> g.kind() == OrgUnit.Kind.GRID && request.unitId().equals(g.parentId()))
                .map(OrgUnit::id)
                .switchIfEmpty(Mono.error(() -> new InvalidTicketCommandException(
                        "gridId must name a grid of the chosen unit")));
        return unit.then(grid).flatMap(g -> change(ticketId, actor, t -> {
            Instant now = now();
            // A ticket dispatched again after a return starts afresh (decision 0045).
            return store.freshClocks(t.id()).then(apply(t, TicketAction.DISPATCH, actor, request.note(),
                    row -> row.dispatched(request.unitId(), request.gridId(), now, sla.acceptDue(now, row.grade()),
                            sla.finishDue(now, row.grade()))));
        }));
    }

    /** 签收. Offered to a grid, the first worker wins; the others get {@link TicketTakenException}. */
    public Mono<CommandResult> accept(TicketCommand command, Actor actor) {
        return command(command, actor, TicketAction.ACCEPT, t -> {
            if (t.status() != TicketStatus.DISPATCHED && t.assigneeId() != null
                    && !t.assigneeId().equals(actor.userId())) {
                return Mono.error(new TicketTakenException(t.number()));
            }
            return apply(t, TicketAction.ACCEPT, actor, command.note(), row -> row.assignedTo(actor.userId()));
        });
    }

    /** A progress report on an accepted ticket: an event, no state change. */
    public Mono<CommandResult> progress(TicketCommand command, Actor actor) {
        return command(command, actor, TicketAction.PROGRESS, t -> requireNote(command)
                .then(apply(t, TicketAction.PROGRESS, actor, command.note(), Function.identity())));
    }

    /** 到场打卡: the handler's position on an accepted ticket, as an event with the position; no state change. */
    public Mono<CommandResult> checkIn(CheckIn checkIn, Actor actor) {
        if (checkIn == null) {
            return Mono.error(new InvalidTicketCommandException("commandId and ticketId are required"));
        }
        TicketCommand command = new TicketCommand(checkIn.commandId(), checkIn.ticketId(), blankToNull(checkIn.note()));
        return command(command, actor, TicketAction.CHECK_IN, t -> validPosition(checkIn)
                .then(applyWithDetail(t, TicketAction.CHECK_IN, actor, command.note(), Function.identity(),
                        position(checkIn))));
    }

    private static Mono<Void> validPosition(CheckIn c) {
        if (c.latitude() == null || c.longitude() == null || !(Math.abs(c.latitude()) <= 90)
                || !(Math.abs(c.longitude()) <= 180)) {
            return Mono.error(new InvalidTicketCommandException(
                    "latitude (-90..90) and longitude (-180..180) are required"));
        }
        if (c.accuracyMeters() != null && !(c.accuracyMeters() >= 0 && c.accuracyMeters() < 1e7)) {
            return Mono.error(new InvalidTicketCommandException("accuracyMeters must be 0 or more"));
        }
        return Mono.empty();
    }

    private String position(CheckIn c) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("latitude", c.latitude());
        detail.put("longitude", c.longitude());
        if (c.accuracyMeters() != null) {
            detail.put("accuracyMeters", c.accuracyMeters());
        }
        return json.writeValueAsString(detail);
    }

    /**
     * 反馈: the worker reports the matter handled; the ticket goes to audit. A pending extension request lapses and a
     * pause ends ({@link #leaveHandler}).
     */
    public Mono<CommandResult> finish(TicketCommand command, Actor actor) {
        return command(command, actor, TicketAction.FINISH, t -> requireNote(command)
                .then(leaveHandler(t))
                .flatMap(deadlines -> apply(t, TicketAction.FINISH, actor, command.note(), deadlines)));
    }

    /**
     * 退单: the handler (unit desk or worker) hands the ticket back; a dispatcher approves or rejects. A pending
     * extension request lapses and a pause ends ({@link #leaveHandler}).
     */
    public Mono<CommandResult> requestReturn(TicketCommand command, Actor actor) {
        return command(command, actor, TicketAction.REQUEST_RETURN, t -> requireNote(command)
                .then(store.setReturnFrom(t.id(), t.status()))
                .then(leaveHandler(t))
                .flatMap(deadlines -> apply(t, TicketAction.REQUEST_RETURN, actor, command.note(), deadlines)));
    }

    /**
     * The ticket leaves its handler (finished, or handed back): a pending extension request lapses undecided, and a
     * pause ends with its working time counted as a resume counts it, so the ticket leaves with its true finish
     * deadline. Sent back for rework after an audit, or kept after a refused return, it comes back with neither
     * (decision 0045); the event of the step that let it go is the record of both.
     */
    private Mono<Function<TicketRow, TicketRow>> leaveHandler(TicketRow t) {
        return store.overlays(t.id()).flatMap(o -> {
            if (o.extensionDaysRequested() == null && !o.paused()) {
                return Mono.just(Function.<TicketRow>identity());
            }
            long seconds = o.paused() ? sla.calendar().workingTimeBetween(o.pausedAt(), now()).toSeconds() : 0;
            Instant finishDue = finishDue(t, new ClockOverlays(null, o.extendedDays(), null,
                    o.pausedWorkingSeconds() + seconds));
            Function<TicketRow, TicketRow> deadlines = o.paused()
                    ? row -> row.withDeadlines(row.acceptDue(), finishDue)
                    : Function.identity();
            return store.leaveHandler(t.id(), seconds).thenReturn(deadlines);
        });
    }

    /** Return approved (退单→改派): back to the dispatch queue, no longer with the unit; its clocks stop. */
    public Mono<TicketView> approveReturn(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> apply(t, TicketAction.APPROVE_RETURN, actor, blankToNull(reason),
                row -> row.dispatched(null, null, null, null, null)));
    }

    /** Return rejected: the ticket goes back to the state it was returned from (DISPATCHED or ACCEPTED). */
    public Mono<TicketView> rejectReturn(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> require(reason, "reason")
                .then(store.returnFrom(t.id()).defaultIfEmpty(TicketStatus.DISPATCHED))
                .flatMap(from -> applyTo(t, TicketAction.REJECT_RETURN,
                        TicketLifecycle.next(t.status(), TicketAction.REJECT_RETURN, from), actor, reason,
                        Function.identity())));
    }

    /**
     * Answered directly (knowledge base / three-way call): RECEIVED → CLOSED with the answer as the reason. Not for an
     * enterprise ticket: every one is audited by the business-environment office and revisited by a person
     * (DESIGN.md §2.5, 100 % / 100 %), so closing one on the call is refused (409) and it goes to dispatch instead.
     */
    public Mono<TicketView> answerDirectly(UUID ticketId, String answer, Actor actor) {
        return change(ticketId, actor, t -> require(answer, "reason")
                .then(Mono.defer(() -> {
                    if (t.isEnterprise() && t.status() == TicketStatus.RECEIVED) {
                        Set<TicketAction> allowed = EnumSet.copyOf(TicketLifecycle.allowed(t.status()));
                        allowed.remove(TicketAction.ANSWER_DIRECTLY);
                        return Mono.error(new IllegalTransitionException(t.status(), TicketAction.ANSWER_DIRECTLY,
                                allowed, "An enterprise ticket is not closed on the call: it is audited by the "
                                        + "business-environment office and revisited (DESIGN.md §2.5); allowed: "
                                        + allowed));
                    }
                    return apply(t, TicketAction.ANSWER_DIRECTLY, actor, answer.strip(), Function.identity());
                })));
    }

    /** An emergency (DESIGN.md §2.1) is not a ticket: RECEIVED → TRANSFERRED_EMERGENCY with the number used. */
    public Mono<TicketView> transferEmergency(UUID ticketId, String number, String reason, Actor actor) {
        if (number == null || !EMERGENCY_NUMBERS.contains(number.strip())) {
            return Mono.error(new InvalidTicketCommandException("number must be one of " + EMERGENCY_NUMBERS));
        }
        String why = "transferred to " + number.strip() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        return change(ticketId, actor, t -> apply(t, TicketAction.TRANSFER_EMERGENCY, actor, why,
                Function.identity()).flatMap(after -> store.setEmergencyNumber(t.id(), number.strip())
                        .thenReturn(after)));
    }

    /** Audit passed: the ticket waits for its revisit. An enterprise ticket only by the business-environment office. */
    public Mono<TicketView> auditPass(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> auditor(t, actor).then(Mono.defer(() -> apply(t, TicketAction.AUDIT_PASS,
                actor, blankToNull(reason), Function.identity())))
                .flatMap(after -> store.resetRevisitAttempts(t.id()).thenReturn(after)));
    }

    /** Audit rejected (重办): back to the handler, reason required. An enterprise ticket only by the office. */
    public Mono<TicketView> auditReject(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> require(reason, "reason")
                .then(auditor(t, actor))
                .then(Mono.defer(() -> apply(t, TicketAction.AUDIT_REJECT, actor, reason.strip(),
                        Function.identity()))));
    }

    /**
     * DESIGN.md §2.5: every enterprise ticket is audited by the business-environment office — a user of the unit
     * coded {@link OrgUnit#BUSINESS_ENVIRONMENT_OFFICE}. Other tickets may be audited by any auditor.
     */
    private Mono<Void> auditor(TicketRow t, Actor actor) {
        if (!t.isEnterprise()) {
            return Mono.empty();
        }
        return org.findByCode(OrgUnit.BUSINESS_ENVIRONMENT_OFFICE)
                .filter(office -> office.id().equals(actor.unitId()))
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException("Enterprise ticket " + t.number()
                        + " is audited by the business-environment office (DESIGN.md §2.5)")))
                .then();
    }

    /**
     * Records one revisit call (DESIGN.md §2.2): satisfied or basically satisfied closes; unsatisfied reopens
     * (→ ACCEPTED) and tags the ticket UNSATISFIED; unreachable counts an attempt and the third closes — except an
     * enterprise ticket, which waits until a person is reached (DESIGN.md §2.5). Each revisit event carries its
     * result in the detail ({@value #REVISIT_RESULT}). Not idempotent by design: every call is an attempt that
     * happened.
     */
    public Mono<TicketView> revisit(UUID ticketId, RevisitResult result, String note, Actor actor) {
        if (result == null) {
            return Mono.error(new InvalidTicketCommandException("result is required: " + List.of(RevisitResult.values())));
        }
        String reason = result + (note == null || note.isBlank() ? "" : ": " + note.strip());
        String detail = json.writeValueAsString(Map.of(REVISIT_RESULT, result.name()));
        return change(ticketId, actor, t -> switch (result) {
            case SATISFIED, BASICALLY_SATISFIED -> applyWithDetail(t, TicketAction.REVISIT_CLOSE, actor, reason,
                    Function.identity(), detail);
            case UNSATISFIED -> applyWithDetail(t, TicketAction.REVISIT_UNSATISFIED, actor, reason,
                    Function.identity(), detail)
                    .flatMap(after -> store.tag(t.id(), UNSATISFIED_TAG).thenReturn(after));
            case UNREACHABLE -> Mono.fromCallable(() -> TicketLifecycle.next(t.status(),
                            TicketAction.REVISIT_UNREACHABLE))
                    .then(store.countRevisitAttempt(t.id()))
                    // An enterprise ticket is revisited by a person (DESIGN.md §2.5): unreachable never closes it.
                    .flatMap(n -> n >= MAX_REVISIT_ATTEMPTS && !t.isEnterprise()
                            ? applyWithDetail(t, TicketAction.REVISIT_CLOSE, actor, reason + " (attempt " + n
                                    + ", closed unreachable)", Function.identity(), detail)
                            : applyWithDetail(t, TicketAction.REVISIT_UNREACHABLE, actor, reason + " (attempt " + n
                                    + (t.isEnterprise() ? "; an enterprise ticket stays until a person is reached)"
                                            : ")"), Function.identity(), detail));
        });
    }

    /** 并单: this duplicate is merged into an open parent ticket. */
    public Mono<TicketView> merge(UUID ticketId, UUID parentId, String reason, Actor actor) {
        if (parentId == null || parentId.equals(ticketId)) {
            return Mono.error(new InvalidTicketCommandException("parentId is required and must name another ticket"));
        }
        Mono<TicketRow> parent = store.find(parentId)
                .filter(p -> p.status().isOpen() && visibleTo(p, actor))
                .switchIfEmpty(Mono.error(() -> new InvalidTicketCommandException(
                        "parentId must name an open ticket")));
        return parent.flatMap(p -> change(ticketId, actor, t -> apply(t, TicketAction.MERGE, actor,
                "merged into " + p.number() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()),
                Function.identity()).flatMap(after -> store.setMergedInto(t.id(), p.id()).thenReturn(after))));
    }

    /**
     * 延期 request by the handler, before the finish deadline (DESIGN.md §2.2); one pending request at a time.
     *
     * @param days working days asked for, 1–30
     */
    public Mono<TicketView> requestExtension(UUID ticketId, Integer days, String reason, Actor actor) {
        if (days == null || days < 1 || days > MAX_EXTENSION_DAYS) {
            return Mono.error(new InvalidTicketCommandException("days must be between 1 and " + MAX_EXTENSION_DAYS));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidTicketCommandException("reason is required"));
        }
        return change(ticketId, actor, t -> store.overlays(t.id()).flatMap(o -> {
            Instant now = now();
            guard(t, o, TicketAction.REQUEST_EXTENSION);
            if (t.finishDue() != null && !now.isBefore(t.finishDue())) {
                return Mono.error(new InvalidTicketCommandException(
                        "an extension must be requested before the finish deadline " + t.finishDue()));
            }
            return store.requestExtension(t.id(), days, reason.strip())
                    .then(apply(t, TicketAction.REQUEST_EXTENSION, actor, days + " working days: " + reason.strip(),
                            Function.identity()));
        }));
    }

    /** Extension approved by a dispatcher: the requested working days move the finish deadline. */
    public Mono<TicketView> approveExtension(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> store.overlays(t.id()).flatMap(o -> {
            guard(t, o, TicketAction.APPROVE_EXTENSION);
            int granted = o.extensionDaysRequested();
            ClockOverlays after = new ClockOverlays(null, o.extendedDays() + granted, o.pausedAt(),
                    o.pausedWorkingSeconds());
            Instant finishDue = o.paused() ? null : finishDue(t, after);
            return store.decideExtension(t.id(), granted)
                    .then(applyWithDetail(t, TicketAction.APPROVE_EXTENSION, actor,
                            "+" + granted + " working days" + (reason == null || reason.isBlank() ? "" : ": "
                                    + reason.strip()),
                            row -> row.withDeadlines(row.acceptDue(), finishDue),
                            deadlineDetail(t.acceptDue(), t.acceptDue(), t.finishDue(), finishDue)));
        }));
    }

    /** Extension rejected by a dispatcher; the deadline stays. Reason required. */
    public Mono<TicketView> rejectExtension(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> require(reason, "reason").then(store.overlays(t.id())).flatMap(o -> {
            guard(t, o, TicketAction.REJECT_EXTENSION);
            return store.decideExtension(t.id(), 0)
                    .then(apply(t, TicketAction.REJECT_EXTENSION, actor, reason.strip(), Function.identity()));
        }));
    }

    /** Pause (waiting for the citizen): the finish clock stops; the ticket shows no finish deadline meanwhile. */
    public Mono<TicketView> pause(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> require(reason, "reason").then(store.overlays(t.id())).flatMap(o -> {
            guard(t, o, TicketAction.PAUSE);
            Instant now = now();
            return store.pause(t.id(), now)
                    .then(applyWithDetail(t, TicketAction.PAUSE, actor, reason.strip(),
                            row -> row.withDeadlines(row.acceptDue(), null),
                            deadlineDetail(t.acceptDue(), t.acceptDue(), t.finishDue(), null)));
        }));
    }

    /** Resume: the working time spent paused is added to the finish deadline. */
    public Mono<TicketView> resume(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> store.overlays(t.id()).flatMap(o -> {
            guard(t, o, TicketAction.RESUME);
            long seconds = sla.calendar().workingTimeBetween(o.pausedAt(), now()).toSeconds();
            ClockOverlays after = new ClockOverlays(o.extensionDaysRequested(), o.extendedDays(), null,
                    o.pausedWorkingSeconds() + seconds);
            Instant finishDue = finishDue(t, after);
            return store.resume(t.id(), seconds)
                    .then(applyWithDetail(t, TicketAction.RESUME, actor, blankToNull(reason),
                            row -> row.withDeadlines(row.acceptDue(), finishDue),
                            deadlineDetail(t.acceptDue(), t.acceptDue(), t.finishDue(), finishDue)));
        }));
    }

    private Instant finishDue(TicketRow t, ClockOverlays o) {
        return sla.finishDue(t.dispatchedAt(), t.grade(), o.extendedDays(),
                Duration.ofSeconds(o.pausedWorkingSeconds()));
    }

    /** The lifecycle allows the overlay actions in ACCEPTED; each also needs its own condition. */
    private static void guard(TicketRow t, ClockOverlays o, TicketAction action) {
        Set<TicketAction> allowed = EnumSet.noneOf(TicketAction.class);
        for (TicketAction a : TicketLifecycle.allowed(t.status())) {
            boolean ok = switch (a) {
                case REQUEST_EXTENSION -> o.extensionDaysRequested() == null && !o.paused();
                case APPROVE_EXTENSION, REJECT_EXTENSION -> o.extensionDaysRequested() != null;
                case PAUSE -> !o.paused();
                case RESUME -> o.paused();
                default -> true;
            };
            if (ok) {
                allowed.add(a);
            }
        }
        if (!allowed.contains(action)) {
            TicketLifecycle.next(t.status(), action);
            throw new IllegalTransitionException(t.status(), action, allowed);
        }
    }

    private String deadlineDetail(Instant acceptBefore, Instant acceptAfter, Instant finishBefore,
            Instant finishAfter) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("acceptDue", Arrays.asList(text(acceptBefore), text(acceptAfter)));
        detail.put("finishDue", Arrays.asList(text(finishBefore), text(finishAfter)));
        return json.writeValueAsString(detail);
    }

    /** 督办 by a supervisor: an overlay and an event; the state stays. */
    public Mono<TicketView> supervise(UUID ticketId, String reason, Actor actor) {
        return change(ticketId, actor, t -> require(reason, "reason")
                .then(clocks.markSupervised(t.id(), now()))
                .then(Mono.defer(() -> apply(t, TicketAction.SUPERVISE, actor, reason.strip(),
                        Function.identity()))));
    }

    /**
     * Marks a ticket for mark &amp; track (DESIGN.md §2.6): PROMISED (承诺件) or UNSATISFIED (不满意件). Idempotent: a
     * ticket that already has the tag is returned unchanged, without a second event.
     */
    public Mono<TicketView> tag(UUID ticketId, String tag, String reason, Actor actor) {
        if (tag == null || !TAGS.contains(tag)) {
            return Mono.error(new InvalidTicketCommandException("tag must be one of " + TAGS));
        }
        return change(ticketId, actor, t -> store.hasTag(t.id(), tag).flatMap(tagged -> tagged ? Mono.just(t)
                : apply(t, TicketAction.TAG, actor, tag + (reason == null || reason.isBlank() ? "" : ": "
                        + reason.strip()), Function.identity()).flatMap(after -> store.tag(t.id(), tag)
                        .thenReturn(after))));
    }

    /**
     * Records a three-way call with a policy specialist (三方通话, DESIGN.md §2.5) on an open ticket: a
     * {@code THREE_WAY_CALL} event whose detail holds the specialist's name and unit and the time of the call; the
     * state stays. Idempotent on {@code commandId}: a retry returns the first result.
     */
    public Mono<CommandResult> recordThreeWayCall(UUID ticketId, ThreeWayCallRequest request, Actor actor) {
        if (request == null) {
            return Mono.error(new InvalidTicketCommandException("a body is required"));
        }
        String name = blankToNull(request.specialistName());
        String unit = blankToNull(request.specialistUnit());
        if (name == null || name.length() > 100 || unit == null || unit.length() > 100) {
            return Mono.error(new InvalidTicketCommandException(
                    "specialistName and specialistUnit are required, at most 100 characters each"));
        }
        String note = blankToNull(request.note());
        if (note != null && note.length() > 2_000) {
            return Mono.error(new InvalidTicketCommandException("note is at most 2000 characters"));
        }
        Instant now = now();
        Instant calledAt = request.calledAt() == null ? now : request.calledAt().truncatedTo(ChronoUnit.MICROS);
        if (calledAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Mono.error(new InvalidTicketCommandException("calledAt must not be in the future"));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("specialistName", name);
        detail.put("specialistUnit", unit);
        detail.put("calledAt", calledAt.toString());
        TicketCommand command = new TicketCommand(request.commandId(), ticketId, note);
        return command(command, actor, TicketAction.THREE_WAY_CALL, t -> applyWithDetail(t,
                TicketAction.THREE_WAY_CALL, actor, "three-way call with " + name + " (" + unit + ")"
                        + (note == null ? "" : ": " + note), Function.identity(), json.writeValueAsString(detail)));
    }

    /** The ticket's SLA clocks with their state now (DESIGN.md §2.3). */
    public Flux<SlaClockView> slaClocks(UUID ticketId, Actor actor) {
        return find(ticketId, actor).thenMany(Flux.defer(() -> clocks.clocks(ticketId, now())));
    }

    /**
     * One sweep of the SLA clocks at {@code at}: each running clock that crossed AT_RISK or OVERDUE is announced
     * once cluster-wide — the claim ({@code update … where notified_at is null returning}) and the outbox entry share
     * one transaction, so of several sweepers exactly one announces, and a failed commit announces nothing. OVERDUE
     * also raises supervision (督办) with a ticket event.
     *
     * @return how many announcements this sweep made
     */
    public Mono<Integer> sweepSla(Instant at) {
        Instant sweepAt = at.truncatedTo(ChronoUnit.MICROS);
        return clocks.unannounced(sweepAt, SWEEP_BATCH)
                .concatMap(c -> tx.transactional(store.lock(c.ticketId()).flatMap(t -> announce(t, c, sweepAt)))
                        .defaultIfEmpty(0)
                        .onErrorResume(e -> {
                            log.warn("SLA announcement for ticket {} {} failed, next sweep retries: {}",
                                    c.ticketId(), c.clock(), e.toString());
                            return Mono.just(0);
                        }))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> announce(TicketRow t, SlaClockStore.Crossing c, Instant at) {
        Mono<Integer> overdue = clocks.claimOverdue(c, at).flatMap(due -> outbox.append(Topic.SLA,
                        new SlaEvent(t.id(), t.number(), c.clock(), SlaState.OVERDUE, due, at, t.unitId()))
                .then(clocks.markSupervised(t.id(), at))
                .then(apply(t, TicketAction.SUPERVISE, SWEEPER, c.clock() + " overdue since " + due,
                        Function.identity()))
                .thenReturn(1));
        Mono<Integer> atRisk = clocks.claimAtRisk(c, at).flatMap(due -> outbox.append(Topic.SLA,
                        new SlaEvent(t.id(), t.number(), c.clock(), SlaState.AT_RISK, due, at, t.unitId()))
                .thenReturn(1));
        return overdue.switchIfEmpty(atRisk);
    }

    /** The ticket's immutable history, oldest first, for whoever may see the ticket. */
    public Flux<TicketEventView> history(UUID ticketId, Actor actor) {
        return find(ticketId, actor).thenMany(store.history(ticketId)).map(e -> new TicketEventView(e.version(),
                e.type(), e.actor(), e.occurredAt(), e.from() == null ? null : TicketStatus.valueOf(e.from()),
                TicketStatus.valueOf(e.to()), e.reason(), e.detail() == null ? Map.of()
                        : json.readValue(e.detail(), MAP)));
    }

    private static Mono<Void> require(String value, String name) {
        return value == null || value.isBlank()
                ? Mono.error(new InvalidTicketCommandException(name + " is required"))
                : Mono.empty();
    }

    /**
     * Recomputes the deadlines of open tickets after the calendar changed (DESIGN.md §2.3): the sign-for deadline of
     * tickets not yet accepted and the finish deadline of tickets not yet finished (and not paused), from their
     * dispatch time, grade, approved extensions and the working time already spent paused. Each ticket whose deadline moves gets a {@code DEADLINES_MOVED} event with the before/after values.
     * Joins the caller's transaction.
     *
     * @return how many tickets had a deadline moved
     */
    public Mono<Integer> recomputeDeadlines(Actor actor, String reason) {
        return tx.transactional(store.lockWithRunningClocks()
                .concatMap(t -> store.overlays(t.id()).flatMap(o -> {
                    Instant acceptDue = t.status() == TicketStatus.DISPATCHED ? sla.acceptDue(t.dispatchedAt(), t.grade())
                            : t.acceptDue();
                    Instant finishDue = o.paused() ? t.finishDue() : finishDue(t, o);
                    if (Objects.equals(acceptDue, t.acceptDue()) && Objects.equals(finishDue, t.finishDue())) {
                        return Mono.empty();
                    }
                    TicketRow after = t.withDeadlines(acceptDue, finishDue).moved(t.status(), now());
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("acceptDue", Arrays.asList(text(t.acceptDue()), text(acceptDue)));
                    detail.put("finishDue", Arrays.asList(text(t.finishDue()), text(finishDue)));
                    return store.update(after)
                            .then(clocks.sync(after, after.updatedAt()))
                            .then(store.appendEvent(after, t.status(), DEADLINES_MOVED, actor.username(), reason,
                                    json.writeValueAsString(detail)))
                            .then(outbox.append(Topic.TICKET, changed(after, t.status(), DEADLINES_MOVED, actor)))
                            .thenReturn(1);
                }))
                .count()
                .map(Long::intValue));
    }

    /** PostgreSQL keeps microseconds: an answer must show the instants exactly as they are stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    /** The ticket if the actor may see it; otherwise not found, whether or not it exists. */
    public Mono<TicketView> find(UUID ticketId, Actor actor) {
        return store.find(ticketId).filter(t -> visibleTo(t, actor)).map(TicketRow::view)
                .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)));
    }

    /**
     * A phone user's open tickets: those offered to their grid and those assigned to them, and for a unit handler
     * also every ticket of their unit waiting to be accepted or being handled.
     */
    public Flux<TicketView> openForWorker(Actor worker) {
        return store.openForWorker(worker.userId(), worker.gridId(),
                worker.has(Role.UNIT_HANDLER) ? worker.unitId() : null).map(TicketRow::view);
    }

    /**
     * Isolation rule of DESIGN.md §3: a grid worker sees tickets offered to their grid or assigned to them, a unit
     * handler those of their unit, the wall and partners none; city-level staff see all.
     */
    public static boolean visibleTo(TicketView t, Actor actor) {
        if (actor.hasAny(Role.ADMIN, Role.AGENT, Role.DIRECTOR, Role.DISPATCHER, Role.SUPERVISOR, Role.AUDITOR,
                Role.REVISIT)) {
            return true;
        }
        if (actor.has(Role.UNIT_HANDLER) && actor.unitId() != null && actor.unitId().equals(t.unitId())) {
            return true;
        }
        if (actor.has(Role.GRID_WORKER)) {
            return actor.userId().equals(t.assigneeId()) || (t.status() == TicketStatus.DISPATCHED
                    && t.assigneeId() == null && actor.gridId() != null && actor.gridId().equals(t.gridId()));
        }
        return false;
    }

    private static boolean visibleTo(TicketRow t, Actor actor) {
        return visibleTo(t.view(), actor);
    }

    /** Whether the actor may accept the ticket: like seeing it, but a worker may also reach a ticket of their
     * grid that a colleague took, to be told it was taken rather than that it does not exist. Every other command
     * needs the ticket to be visible, so a colleague's ticket is "not found" to them. */
    private static boolean reachable(TicketRow t, Actor actor) {
        return visibleTo(t, actor) || (actor.has(Role.GRID_WORKER) && actor.gridId() != null
                && actor.gridId().equals(t.gridId()));
    }

    private Mono<TicketView> change(UUID ticketId, Actor actor, Function<TicketRow, Mono<TicketRow>> body) {
        return tx.transactional(store.lock(ticketId)
                        .filter(t -> visibleTo(t, actor))
                        .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)))
                        .flatMap(body)
                        .flatMap(this::reread))
                .map(TicketRow::view);
    }

    /**
     * Runs a client command at most once: the first run stores its result under the {@code commandId}; a retry,
     * even concurrent (it waits on the ticket lock), returns that result.
     */
    private Mono<CommandResult> command(TicketCommand command, Actor actor, TicketAction action,
            Function<TicketRow, Mono<TicketRow>> body) {
        if (command == null || command.commandId() == null || command.ticketId() == null) {
            return Mono.error(new InvalidTicketCommandException("commandId and ticketId are required"));
        }
        return tx.transactional(store.lock(command.ticketId())
                .filter(t -> action == TicketAction.ACCEPT ? reachable(t, actor) : visibleTo(t, actor))
                .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(command.ticketId())))
                .flatMap(t -> replay(command, actor, action)
                        .switchIfEmpty(Mono.defer(() -> body.apply(t)
                                .flatMap(this::reread)
                                .flatMap(after -> remember(command, actor, action, after.view()))))));
    }

    /** The row as now stored, overlays included (commands write those with statements of their own). */
    private Mono<TicketRow> reread(TicketRow row) {
        return store.find(row.id());
    }

    private Mono<CommandResult> replay(TicketCommand command, Actor actor, TicketAction action) {
        return db.sql("select actor_id, ticket_id, action, result::text as result from ticket_command where command_id = :id")
                .bind("id", command.commandId())
                .map(row -> {
                    boolean same = actor.userId().equals(row.get("actor_id", UUID.class))
                            && command.ticketId().equals(row.get("ticket_id", UUID.class))
                            && action.name().equals(row.get("action", String.class));
                    if (!same) {
                        throw new InvalidTicketCommandException("commandId " + command.commandId()
                                + " was already used for another command");
                    }
                    return new CommandResult(command.commandId(),
                            json.readValue(row.get("result", String.class), TicketView.class), true);
                })
                .one();
    }

    private Mono<CommandResult> remember(TicketCommand command, Actor actor, TicketAction action, TicketView result) {
        return db.sql("""
                        insert into ticket_command (command_id, actor_id, ticket_id, action, result, created_at)
                        values (:id, :actor, :ticket, :action, :result, :at)""")
                .bind("id", command.commandId()).bind("actor", actor.userId()).bind("ticket", command.ticketId())
                .bind("action", action.name()).bind("result", Json.of(json.writeValueAsString(result)))
                .bind("at", now().atOffset(ZoneOffset.UTC))
                .then()
                .thenReturn(new CommandResult(command.commandId(), result, false));
    }

    private Mono<TicketRow> apply(TicketRow current, TicketAction action, Actor actor, String reason,
            Function<TicketRow, TicketRow> edit) {
        return Mono.defer(() -> applyTo(current, action, TicketLifecycle.next(current.status(), action), actor,
                reason, edit));
    }

    private Mono<TicketRow> applyWithDetail(TicketRow current, TicketAction action, Actor actor, String reason,
            Function<TicketRow, TicketRow> edit, String detail) {
        return Mono.defer(() -> applyTo(current, action, TicketLifecycle.next(current.status(), action), actor,
                reason, edit, detail));
    }

    private Mono<TicketRow> applyTo(TicketRow current, TicketAction action, TicketStatus to, Actor actor,
            String reason, Function<TicketRow, TicketRow> edit) {
        return applyTo(current, action, to, actor, reason, edit, null);
    }

    private Mono<TicketRow> applyTo(TicketRow current, TicketAction action, TicketStatus to, Actor actor,
            String reason, Function<TicketRow, TicketRow> edit, String detail) {
        return Mono.defer(() -> {
            TicketRow after = edit.apply(current).moved(to, now());
            return store.update(after)
                    .then(clocks.sync(after, after.updatedAt()))
                    .then(store.appendEvent(after, current.status(), action.name(), actor.username(), reason,
                            detail))
                    .then(outbox.append(Topic.TICKET, changed(after, current.status(), action.name(), actor)))
                    .thenReturn(after);
        });
    }

    private static TicketChanged changed(TicketRow t, TicketStatus from, String type, Actor actor) {
        return new TicketChanged(t.id(), t.number(), type, from, t.status(), t.unitId(), t.gridId(), t.assigneeId(),
                actor.username(), t.updatedAt(), t.acceptDue(), t.finishDue(), t.version());
    }

    private static Mono<Void> requireNote(TicketCommand command) {
        return command.note() == null || command.note().isBlank()
                ? Mono.error(new InvalidTicketCommandException("note is required"))
                : Mono.empty();
    }

    private void validate(IntakeRequest r) {
        if (r == null || r.channel() == null) {
            throw new InvalidTicketCommandException("channel is required");
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 200) {
            throw new InvalidTicketCommandException("title is required, at most 200 characters");
        }
        if (r.content() == null || r.content().isBlank() || r.content().length() > 10_000) {
            throw new InvalidTicketCommandException("content is required, at most 10000 characters");
        }
        if (r.externalId() != null && r.externalId().length() > 128) {
            throw new InvalidTicketCommandException("externalId is at most 128 characters");
        }
        if (r.categoryCode() != null && !r.categoryCode().isBlank() && !categories.exists(r.categoryCode().strip())) {
            throw new InvalidTicketCommandException("categoryCode " + r.categoryCode()
                    + " is not in the category tree (GET /api/v1/categories)");
        }
        if (r.company() != null) {
            String name = r.company().companyName();
            if (name != null && name.strip().length() > 200) {
                throw new InvalidTicketCommandException("company.companyName is at most 200 characters");
            }
            String code = r.company().creditCode();
            if (code != null && !code.isBlank()) {
                try {
                    new CreditCode(code);
                } catch (IllegalArgumentException e) {
                    throw new InvalidTicketCommandException("company.creditCode: " + e.getMessage());
                }
            }
        }
        String phone = r.citizen() == null ? null : r.citizen().phone();
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            throw new InvalidTicketCommandException("citizen.phone must be 3–20 digits");
        }
    }

    /** DESIGN.md §2.5: the enterprise line, an enterprise grade, the caller's flag or a company profile. */
    static boolean isEnterprise(IntakeRequest r) {
        return Boolean.TRUE.equals(r.enterprise()) || r.channel() == Channel.ENTERPRISE_LINE || r.company() != null
                || r.grade() == TicketGrade.ENTERPRISE_GENERAL || r.grade() == TicketGrade.ENTERPRISE_COMPLEX;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
