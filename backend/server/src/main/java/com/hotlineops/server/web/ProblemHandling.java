package com.hotlineops.server.web;

import com.hotlineops.core.ticket.IllegalTransitionException;
import com.hotlineops.core.ticket.InvalidTicketCommandException;
import com.hotlineops.core.ticket.TicketNotFoundException;
import com.hotlineops.core.ticket.TicketTakenException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Domain errors as RFC 9457 problem details. Framework errors (unreadable bodies, bad parameters) get theirs from
 * {@link ResponseEntityExceptionHandler}. Every one of these answers means nothing was changed.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

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

    /** The route is open to the caller's role, but not this ticket (an enterprise audit outside the office). */
    @ExceptionHandler
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidTicketCommandException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A write that conflicts with stored data (a unique key); nothing was changed. */
    @ExceptionHandler
    ProblemDetail conflict(DataIntegrityViolationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The request conflicts with existing data");
    }

    /**
     * PostgreSQL unreachable or overloaded: a fast 503 (DESIGN.md §3 faults). The command's transaction did not
     * commit, so nothing was changed; the caller may retry (every command is idempotent or guarded).
     */
    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable; nothing was changed, retry shortly");
        p.setTitle("Temporarily unavailable");
        return p;
    }

    @ExceptionHandler
    ProblemDetail badCredentials(BadCredentialsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password");
        p.setProperty("errors", List.of());
        return p;
    }
}
