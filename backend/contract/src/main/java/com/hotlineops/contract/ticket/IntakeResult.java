package com.hotlineops.contract.ticket;

/** The ticket an intake created, and whether this delivery created it or repeated an earlier one. */
public record IntakeResult(TicketView ticket, boolean created) {
}
