package com.hotlineops.contract.ticket;

/** {@code POST /api/v1/tickets/{id}/revisit}: the result of one revisit call and an optional note. */
public record RevisitRequest(RevisitResult result, String note) {
}
