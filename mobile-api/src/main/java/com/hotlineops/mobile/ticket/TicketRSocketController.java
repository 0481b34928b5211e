package com.hotlineops.mobile.ticket;

import com.hotlineops.contract.mobile.CheckIn;
import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
import java.util.UUID;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Request-response routes of DESIGN.md §4; errors become error frames ({@code rsocket.RSocketErrors}). */
@Controller
class TicketRSocketController {

    private final TicketService tickets;

    TicketRSocketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @MessageMapping("mobile.tickets.{id}")
    Mono<TicketView> ticket(@DestinationVariable("id") UUID id, @AuthenticationPrincipal Jwt token) {
        return tickets.find(id, Actor.from(token));
    }

    @MessageMapping("mobile.accept")
    Mono<CommandResult> accept(TicketCommand command, @AuthenticationPrincipal Jwt token) {
        return tickets.accept(command, Actor.from(token));
    }

    @MessageMapping("mobile.progress")
    Mono<CommandResult> progress(TicketCommand command, @AuthenticationPrincipal Jwt token) {
        return tickets.progress(command, Actor.from(token));
    }

    @MessageMapping("mobile.finish")
    Mono<CommandResult> finish(TicketCommand command, @AuthenticationPrincipal Jwt token) {
        return tickets.finish(command, Actor.from(token));
    }

    /** 到场打卡: the handler's position on an accepted ticket. */
    @MessageMapping("mobile.checkin")
    Mono<CommandResult> checkIn(CheckIn checkIn, @AuthenticationPrincipal Jwt token) {
        return tickets.checkIn(checkIn, Actor.from(token));
    }

    /** 退单: hand the ticket back with a reason; a dispatcher approves (re-dispatch) or rejects it. */
    @MessageMapping("mobile.return")
    Mono<CommandResult> requestReturn(TicketCommand command, @AuthenticationPrincipal Jwt token) {
        return tickets.requestReturn(command, Actor.from(token));
    }
}
