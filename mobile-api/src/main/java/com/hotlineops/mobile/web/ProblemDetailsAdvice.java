package com.hotlineops.mobile.web;

import com.hotlineops.core.evidence.EvidenceRejectedException;
import com.hotlineops.core.security.TooManyLoginsException;
import com.hotlineops.core.ticket.IllegalTransitionException;
import com.hotlineops.core.ticket.InvalidTicketCommandException;
import com.hotlineops.core.ticket.TicketNotFoundException;
import com.hotlineops.core.ticket.TicketProblem;
import com.hotlineops.core.ticket.TicketTakenException;
import com.hotlineops.core.useradmin.InvalidUserException;
import com.hotlineops.core.useradmin.TooManyPasswordAttemptsException;
import com.hotlineops.core.useradmin.WrongPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps ticket problems and failed logins to problem details (DESIGN.md §3: bad input gets RFC 9457 problem
 * details and changes nothing). A ticket the caller may not see is a 404, exactly like one that does not exist.
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(TicketProblem.class)
    ProblemDetail ticketProblem(TicketProblem problem) {
        return switch (problem) {
            case TicketNotFoundException e -> Problems.of(ProblemCode.NOT_FOUND, e.getMessage());
            case TicketTakenException e -> Problems.of(ProblemCode.TAKEN, e.getMessage());
            case IllegalTransitionException e -> {
                ProblemDetail p = Problems.of(ProblemCode.ILLEGAL_TRANSITION, e.getMessage());
                p.setProperty("currentState", e.current().name());
                p.setProperty("allowedActions", ProblemCode.sorted(e.allowed()));
                yield p;
            }
            case InvalidTicketCommandException e -> Problems.of(ProblemCode.INVALID_COMMAND, e.getMessage());
        };
    }

    /** A photo that cannot be kept: too large, not an image, or a ticket not being handled by the caller. */
    @ExceptionHandler(EvidenceRejectedException.class)
    ProblemDetail evidence(EvidenceRejectedException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> Problems.of(ProblemCode.PHOTO_TOO_LARGE, e.getMessage());
            case NOT_AN_IMAGE -> Problems.of(ProblemCode.NOT_AN_IMAGE, e.getMessage());
            case EMPTY -> Problems.of(ProblemCode.INVALID_REQUEST, e.getMessage());
            case TICKET_NOT_IN_PROGRESS -> Problems.of(ProblemCode.ILLEGAL_TRANSITION, e.getMessage());
        };
    }

    /** The upload body went past the size limit while it was being read. */
    @ExceptionHandler(DataBufferLimitException.class)
    ProblemDetail bodyTooLarge(DataBufferLimitException e) {
        return Problems.of(ProblemCode.PHOTO_TOO_LARGE, "A photo may be at most 10 MB");
    }

    /** PostgreSQL unreachable or overloaded: a fast 503 (DESIGN.md §3 faults); the command changed nothing. */
    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    ProblemDetail dataAccess(Exception e) {
        log.warn("Database unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        return Problems.of(ProblemCode.UNAVAILABLE, "The service is temporarily unavailable; retry shortly");
    }

    /** The password change (decision 0036): rules broken, current password wrong, too many wrong ones lately. */
    @ExceptionHandler(InvalidUserException.class)
    ProblemDetail invalidPassword(InvalidUserException e) {
        return Problems.of(ProblemCode.INVALID_PASSWORD, e.getMessage());
    }

    @ExceptionHandler(WrongPasswordException.class)
    ProblemDetail wrongPassword(WrongPasswordException e) {
        return Problems.of(ProblemCode.WRONG_PASSWORD, e.getMessage());
    }

    @ExceptionHandler(TooManyPasswordAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyPasswordAttemptsException e) {
        return ResponseEntity.status(ProblemCode.TOO_MANY_ATTEMPTS.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(ProblemCode.TOO_MANY_ATTEMPTS, e.getMessage()));
    }

    /** Login throttled (decision 0037): the password was not checked. */
    @ExceptionHandler(TooManyLoginsException.class)
    ResponseEntity<ProblemDetail> tooManyLogins(TooManyLoginsException e) {
        return ResponseEntity.status(ProblemCode.TOO_MANY_LOGINS.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(Problems.of(ProblemCode.TOO_MANY_LOGINS, e.getMessage()));
    }

    /** Wrong password, unknown user, a user not allowed on the phone, an expired refresh token: all alike. */
    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail authentication(AuthenticationException e) {
        return Problems.of(ProblemCode.UNAUTHORIZED, "Bad credentials");
    }
}
