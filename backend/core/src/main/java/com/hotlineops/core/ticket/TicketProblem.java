package com.hotlineops.core.ticket;

/**
 * A ticket command that cannot be carried out. Each subtype maps to one HTTP status / RSocket error; the message
 * is safe to show to the caller.
 */
public abstract sealed class TicketProblem extends RuntimeException
        permits IllegalTransitionException, TicketNotFoundException, TicketTakenException, InvalidTicketCommandException {

    TicketProblem(String message) {
        super(message, null, false, false);
    }
}
