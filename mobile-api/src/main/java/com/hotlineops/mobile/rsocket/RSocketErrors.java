package com.hotlineops.mobile.rsocket;

import com.hotlineops.core.ticket.IllegalTransitionException;
import com.hotlineops.core.ticket.InvalidTicketCommandException;
import com.hotlineops.core.ticket.TicketNotFoundException;
import com.hotlineops.core.ticket.TicketProblem;
import com.hotlineops.core.ticket.TicketTakenException;
import com.hotlineops.mobile.feed.InvalidFeedRequestException;
import com.hotlineops.mobile.web.ProblemCode;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.exceptions.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * Turns ticket problems into RSocket error frames. The message starts with the same code as the REST problem
 * details ({@code not-found: …}, {@code taken: …}, {@code illegal-transition: …}, {@code invalid-command: …}, {@code unavailable: …}) so a
 * phone can branch on it; a ticket the caller may not see is reported exactly like one that does not exist.
 */
@ControllerAdvice
class RSocketErrors {

    private static final Logger log = LoggerFactory.getLogger(RSocketErrors.class);

    @MessageExceptionHandler(TicketProblem.class)
    Mono<Void> ticketProblem(TicketProblem problem) {
        return Mono.error(toErrorFrame(problem));
    }

    @MessageExceptionHandler(InvalidFeedRequestException.class)
    Mono<Void> invalidFeedRequest(InvalidFeedRequestException problem) {
        return Mono.error(new InvalidException(ProblemCode.INVALID_REQUEST.code() + ": " + problem.getMessage()));
    }

    @MessageExceptionHandler(DataAccessException.class)
    Mono<Void> dataAccess(DataAccessException e) {
        log.warn("Database unavailable: {}", e.getMostSpecificCause().toString());
        return Mono.error(new ApplicationErrorException(ProblemCode.UNAVAILABLE.code()
                + ": the service is temporarily unavailable; retry shortly"));
    }

    static RuntimeException toErrorFrame(TicketProblem problem) {
        return switch (problem) {
            case TicketNotFoundException e -> new ApplicationErrorException(message(ProblemCode.NOT_FOUND, e));
            case TicketTakenException e -> new RejectedException(message(ProblemCode.TAKEN, e));
            case IllegalTransitionException e -> new RejectedException(message(ProblemCode.ILLEGAL_TRANSITION, e)
                    + " (currentState=" + e.current() + ", allowedActions=" + ProblemCode.sorted(e.allowed()) + ")");
            case InvalidTicketCommandException e -> new InvalidException(message(ProblemCode.INVALID_COMMAND, e));
        };
    }

    private static String message(ProblemCode code, TicketProblem problem) {
        return code.code() + ": " + problem.getMessage();
    }
}
