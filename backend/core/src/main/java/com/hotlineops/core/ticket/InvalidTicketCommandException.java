package com.hotlineops.core.ticket;

/** The command itself is malformed (missing fields, wrong target, a reused command id); nothing was changed. */
public final class InvalidTicketCommandException extends TicketProblem {

    public InvalidTicketCommandException(String message) {
        super(message);
    }
}
