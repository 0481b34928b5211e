package com.hotlineops.core.open311;

/** The answer to a GeoReport v2 POST: the request id, the token that also finds it, and a notice for the citizen. */
public record SubmittedRequest(String serviceRequestId, String token, String serviceNotice, boolean created) {
}
