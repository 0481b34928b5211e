package com.hotlineops.mobile.ticket;

import com.hotlineops.contract.mobile.CheckIn;
import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The REST mirror of the RSocket routes, for clients without RSocket; errors are problem details. */
@RestController
@RequestMapping("/mobile/v1/tickets")
class TicketRestController {

    private final TicketService tickets;
    private final WorkerTickets workerTickets;

    TicketRestController(TicketService tickets, WorkerTickets workerTickets) {
        this.tickets = tickets;
        this.workerTickets = workerTickets;
    }

    @GetMapping
    Flux<TicketView> list(@AuthenticationPrincipal Jwt token) {
        return workerTickets.current(Actor.from(token));
    }

    @GetMapping("/{id}")
    Mono<TicketView> ticket(@PathVariable("id") UUID id, @AuthenticationPrincipal Jwt token) {
        return tickets.find(id, Actor.from(token));
    }

    @PostMapping("/{id}/accept")
    Mono<CommandResult> accept(@PathVariable("id") UUID id, @RequestBody CommandBody body,
            @AuthenticationPrincipal Jwt token) {
        return tickets.accept(body.toCommand(id), Actor.from(token));
    }

    @PostMapping("/{id}/progress")
    Mono<CommandResult> progress(@PathVariable("id") UUID id, @RequestBody CommandBody body,
            @AuthenticationPrincipal Jwt token) {
        return tickets.progress(body.toCommand(id), Actor.from(token));
    }

    @PostMapping("/{id}/finish")
    Mono<CommandResult> finish(@PathVariable("id") UUID id, @RequestBody CommandBody body,
            @AuthenticationPrincipal Jwt token) {
        return tickets.finish(body.toCommand(id), Actor.from(token));
    }

    /** 退单 with a reason ({@code note}); a dispatcher decides. */
    @PostMapping("/{id}/return")
    Mono<CommandResult> requestReturn(@PathVariable("id") UUID id, @RequestBody CommandBody body,
            @AuthenticationPrincipal Jwt token) {
        return tickets.requestReturn(body.toCommand(id), Actor.from(token));
    }

    /** 到场打卡: {@code {commandId, latitude, longitude, accuracyMeters?, note?}}. */
    @PostMapping("/{id}/checkin")
    Mono<CommandResult> checkIn(@PathVariable("id") UUID id, @RequestBody CheckInBody body,
            @AuthenticationPrincipal Jwt token) {
        return tickets.checkIn(body.toCheckIn(id), Actor.from(token));
    }

    /** {@code {commandId, latitude, longitude, accuracyMeters, note}}: the ticket comes from the path. */
    record CheckInBody(UUID commandId, Double latitude, Double longitude, Double accuracyMeters, String note) {

        CheckIn toCheckIn(UUID ticketId) {
            return new CheckIn(commandId, ticketId, latitude, longitude, accuracyMeters, note);
        }
    }

    /** {@code {commandId, note}}: the ticket comes from the path. */
    record CommandBody(UUID commandId, String note) {

        TicketCommand toCommand(UUID ticketId) {
            return new TicketCommand(commandId, ticketId, note);
        }
    }
}
