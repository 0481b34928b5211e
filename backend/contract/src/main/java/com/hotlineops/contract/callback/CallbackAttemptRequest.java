package com.hotlineops.contract.callback;

/** {@code POST /api/v1/callbacks/{id}/attempts}: the outcome of the claimant's call. */
public record CallbackAttemptRequest(CallbackOutcome outcome) {
}
