package com.hotlineops.contract.ticket;

/**
 * The body of a desk decision (answer directly, approve or reject a return, audit): the reason or answer that goes
 * into the ticket's history. Required where a decision sends work back (reject, audit reject) or closes the ticket.
 */
public record ReasonRequest(String reason) {
}
