package com.hotlineops.server.web;

import com.hotlineops.core.ticket.IllegalTransitionException;
import com.hotlineops.core.ticket.InvalidTicketCommandException;
import com.hotlineops.core.ticket.TicketNotFoundException;
import com.hotlineops.core.ticket.TicketTakenException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Domain errors as RFC 9457 problem details. Framework errors (unreadable bodies, bad parameters) get theirs from
 * {@link ResponseEntityExceptionHandler}. Every one of these answers means nothing was changed.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(TicketNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Action not allowed in the ticket's current state");
        p.setProperty("currentState", e.current());
        p.setProperty("allowedActions", e.allowed().stream().map(Enum::name).sorted().toList());
        return p;
    }

    @ExceptionHandler
    ProblemDetail taken(TicketTakenException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Ticket already taken");
        return p;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidTicketCommandException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badCredentials(BadCredentialsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password");
        p.setProperty("errors", List.of());
        return p;
    }
}
