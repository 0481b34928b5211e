package com.hotlineops.server.ticket;

import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Intake from every channel and the desk commands of the walking skeleton. Intake is idempotent on
 * {@code (channel, externalId)}: 201 when created, 200 with the same ticket for a repeat. Submit and dispatch are
 * guarded transitions: repeating one answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/intake")
    Mono<ResponseEntity<IntakeResult>> intake(@RequestBody IntakeRequest request, @AuthenticationPrincipal Jwt jwt) {
        return tickets.intake(request, Actor.from(jwt))
                .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r));
    }

    @GetMapping("/tickets/{id}")
    Mono<TicketView> ticket(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.find(id, Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/submit")
    Mono<TicketView> submit(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.submitForDispatch(id, Actor.from(jwt));
    }

    @PostMapping("/tickets/{id}/dispatch")
    Mono<TicketView> dispatch(@PathVariable UUID id, @RequestBody DispatchRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.dispatch(id, request, Actor.from(jwt));
    }
}
