package com.hotlineops.server.marktrack;

import com.hotlineops.contract.marktrack.ClearToZeroBoard;
import com.hotlineops.contract.marktrack.TagRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.marktrack.ClearToZeroService;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Mark &amp; track (DESIGN.md §2.6). Tagging is idempotent: a tag already on the ticket changes nothing. The board is
 * for supervisors, directors and the wall (aggregates only).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Mark & track", description = "PROMISED / UNSATISFIED tags and the monthly clear-to-zero board per unit")
class MarkTrackController {

    private final TicketService tickets;
    private final ClearToZeroService board;

    MarkTrackController(TicketService tickets, ClearToZeroService board) {
        this.tickets = tickets;
        this.board = board;
    }

    @PostMapping("/tickets/{id}/tags")
    @Operation(summary = "Tag an open ticket PROMISED or UNSATISFIED; idempotent (AGENT, DIRECTOR, DISPATCHER, SUPERVISOR)")
    Mono<TicketView> tag(@PathVariable UUID id, @RequestBody TagRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.tag(id, body.tag(), body.reason(), Actor.from(jwt));
    }

    @GetMapping("/mark-track/board")
    @Operation(summary = "Clear-to-zero board of a month (yyyy-MM, default this month): per unit tagged, cleared, open")
    Mono<ClearToZeroBoard> board(@RequestParam(required = false) String month) {
        if (month == null || month.isBlank()) {
            return board.current();
        }
        try {
            return board.board(YearMonth.parse(month.strip()));
        } catch (DateTimeParseException e) {
            return Mono.error(new IllegalArgumentException("month must be yyyy-MM"));
        }
    }
}
