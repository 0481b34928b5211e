package com.hotlineops.contract.marktrack;

/** {@code POST /api/v1/tickets/{id}/tags}: mark a ticket for tracking (PROMISED 承诺件, UNSATISFIED 不满意件). */
public record TagRequest(String tag, String reason) {
}
