package com.hotlineops.server.ticket;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.EmergencyTransfer;
import com.hotlineops.contract.ticket.ExtensionRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.MergeRequest;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketPage;
import com.hotlineops.contract.ticket.TicketSort;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketList;
import com.hotlineops.core.ticket.TicketQuery;
import com.hotlineops.core.ticket.TicketService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Intake from every channel and the ticket lifecycle of DESIGN.md §2.2 from the desks. Intake is idempotent on
 * {@code (channel, externalId)}: 201 when created, 200 with the same ticket for a repeat. Handler commands (accept,
 * progress, finish, return) carry a {@code commandId}: a retry returns the first result. Every other command is a
 * guarded transition: repeating one answers 409 with the current state and allowed actions and changes nothing —
 * except a revisit, where every call is one attempt that happened. Roles per DESIGN.md §3 are checked in
 * {@code SecurityConfiguration}; a unit handler reaches only its unit's tickets (others are 404).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tickets", description = "Intake and the ticket lifecycle (受理 → 派遣 → 签收 → 反馈 → 审核 → 回访 → 办结)")
class TicketController {

    private final TicketService tickets;
    private final TicketList list;

    TicketController(TicketService tickets, TicketList list) {
        this.tickets = tickets;
        this.list = list;
    }

    @PostMapping("/intake")
    @Operation(summary = "Record a request from any channel; idempotent on (channel, externalId)")
    Mono<ResponseEntity<IntakeResult>> intake(@RequestBody IntakeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return tickets.intake(request, Actor.from(jwt))
                .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r));
    }

    @GetMapping("/tickets")
    @Operation(summary = "Work queues and boards: tickets the caller may see, filtered, with the state of their worst "
            + "running SLA clock; keyset pages (pass nextCursor back as cursor)")
    Mono<TicketPage> list(@RequestParam(required = false) Set<TicketStatus> status,
            @RequestParam(required = false) UUID unitId, @RequestParam(required = false) SlaState sla,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Boolean supervised,
            @RequestParam(required = false) Boolean extensionPending, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String q, @RequestParam(required = false) TicketSort sort,
            @RequestParam(defaultValue = "0") int limit, @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal Jwt jwt) {
        return Mono.fromSupplier(() -> new TicketQuery(status, unitId, sla, tag, supervised, extensionPending, channel,
                        q, sort, limit, cursor))
                .flatMap(query -> list.page(query, Actor.from(jwt)));
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "One ticket, if the caller may see it")
    Mono<TicketView> ticket(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.find(id, Actor.from(jwt));
    }

    @GetMapping("/tickets/{id}/history")
    @Operation(summary = "The ticket's immutable events: actor, time, reason, state before/after")
    Flux<TicketEventView> history(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.history(id, Actor.from(jwt));
    }

    @GetMapping("/tickets/{id}/sla")
    @Operation(summary = "The ticket's SLA clocks (SIGN_FOR, FINISH, REVISIT) with ON_TRACK/AT_RISK/OVERDUE/MET/MISSED")
    Flux<SlaClockView> sla(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.slaClocks(id, Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/supervise")
    @Operation(summary = "督办 by a supervisor: an overlay and an event, the state stays; reason required (SUPERVISOR)")
    Mono<TicketView> supervise(@PathVariable UUID id, @RequestBody ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.supervise(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/submit")
    @Operation(summary = "RECEIVED → PENDING_DISPATCH (AGENT, DIRECTOR)")
    Mono<TicketView> submit(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.submitForDispatch(id, Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/answer")
    @Operation(summary = "Answered directly: RECEIVED → CLOSED, reason = the answer (AGENT, DIRECTOR)")
    Mono<TicketView> answer(@PathVariable UUID id, @RequestBody ReasonRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.answerDirectly(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/emergency")
    @Operation(summary = "Emergency transfer to 110/119/120/122: RECEIVED → TRANSFERRED_EMERGENCY (AGENT, DIRECTOR)")
    Mono<TicketView> emergency(@PathVariable UUID id, @RequestBody EmergencyTransfer body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.transferEmergency(id, body.number(), body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/dispatch")
    @Operation(summary = "Direct dispatch to a township/street or department, optionally a grid (DISPATCHER)")
    Mono<TicketView> dispatch(@PathVariable UUID id, @RequestBody DispatchRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.dispatch(id, request, Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/accept")
    @Operation(summary = "签收 by the unit desk: DISPATCHED → ACCEPTED; idempotent on commandId (UNIT_HANDLER)")
    Mono<CommandResult> accept(@PathVariable UUID id, @RequestBody DeskCommand body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.accept(command(id, body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/progress")
    @Operation(summary = "Progress note on an accepted ticket; idempotent on commandId (UNIT_HANDLER)")
    Mono<CommandResult> progress(@PathVariable UUID id, @RequestBody DeskCommand body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.progress(command(id, body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/finish")
    @Operation(summary = "反馈: ACCEPTED → FEEDBACK_SUBMITTED; idempotent on commandId (UNIT_HANDLER)")
    Mono<CommandResult> finish(@PathVariable UUID id, @RequestBody DeskCommand body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.finish(command(id, body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/return")
    @Operation(summary = "退单 request: DISPATCHED/ACCEPTED → RETURN_REQUESTED; idempotent on commandId (UNIT_HANDLER)")
    Mono<CommandResult> requestReturn(@PathVariable UUID id, @RequestBody DeskCommand body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.requestReturn(command(id, body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/return/approve")
    @Operation(summary = "Return approved: → PENDING_DISPATCH for re-dispatch (DISPATCHER)")
    Mono<TicketView> approveReturn(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.approveReturn(id, reasonOf(body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/return/reject")
    @Operation(summary = "Return rejected: back to the state it was returned from; reason required (DISPATCHER)")
    Mono<TicketView> rejectReturn(@PathVariable UUID id, @RequestBody ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.rejectReturn(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/extension")
    @Operation(summary = "延期 request before the finish deadline, 1–30 working days (UNIT_HANDLER)")
    Mono<TicketView> requestExtension(@PathVariable UUID id, @RequestBody ExtensionRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.requestExtension(id, body.days(), body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/extension/approve")
    @Operation(summary = "Extension approved: the requested working days move the finish deadline (DISPATCHER)")
    Mono<TicketView> approveExtension(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.approveExtension(id, reasonOf(body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/extension/reject")
    @Operation(summary = "Extension rejected, reason required; the deadline stays (DISPATCHER)")
    Mono<TicketView> rejectExtension(@PathVariable UUID id, @RequestBody ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.rejectExtension(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/pause")
    @Operation(summary = "Pause (waiting for the citizen): the finish clock stops, finishDue is null meanwhile "
            + "(UNIT_HANDLER, DISPATCHER)")
    Mono<TicketView> pause(@PathVariable UUID id, @RequestBody ReasonRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.pause(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/resume")
    @Operation(summary = "Resume: the working time spent paused is added to the finish deadline "
            + "(UNIT_HANDLER, DISPATCHER)")
    Mono<TicketView> resume(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.resume(id, reasonOf(body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/audit/pass")
    @Operation(summary = "Audit passed: FEEDBACK_SUBMITTED → PENDING_REVISIT (AUDITOR)")
    Mono<TicketView> auditPass(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.auditPass(id, reasonOf(body), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/audit/reject")
    @Operation(summary = "Audit rejected (重办): FEEDBACK_SUBMITTED → ACCEPTED; reason required (AUDITOR)")
    Mono<TicketView> auditReject(@PathVariable UUID id, @RequestBody ReasonRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.auditReject(id, body.reason(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/revisit")
    @Operation(summary = "Revisit result: SATISFIED/BASICALLY_SATISFIED close, UNSATISFIED reopens (tag UNSATISFIED), "
            + "UNREACHABLE counts an attempt and the third closes (REVISIT)")
    Mono<TicketView> revisit(@PathVariable UUID id, @RequestBody RevisitRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.revisit(id, body.result(), body.note(), Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/merge")
    @Operation(summary = "并单: merge this open ticket into an open parent (DISPATCHER, SUPERVISOR)")
    Mono<TicketView> merge(@PathVariable UUID id, @RequestBody MergeRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.merge(id, body.parentId(), body.reason(), Actor.from(jwt));
    }

    private static TicketCommand command(UUID ticketId, DeskCommand body) {
        return new TicketCommand(body.commandId(), ticketId, body.note());
    }

    /** The optional reason of a command whose body may be left out. */
    private static String reasonOf(ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
