package com.hotlineops.core.ticket;

/** Another worker accepted the offered ticket first. */
public final class TicketTakenException extends TicketProblem {

    TicketTakenException(String number) {
        super("Ticket " + number + " was already accepted by another worker");
    }
}
