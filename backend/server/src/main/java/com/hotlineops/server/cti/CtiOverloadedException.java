package com.hotlineops.server.cti;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The CTI write queue is full: the request is refused at once (503 with Retry-After) and nothing is stored. */
class CtiOverloadedException extends ErrorResponseException {

    CtiOverloadedException(int capacity) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(capacity), null);
        getHeaders().set("Retry-After", "1");
    }

    private static ProblemDetail problem(int capacity) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "CTI ingest is saturated (more than " + capacity + " events waiting to be stored); nothing of this "
                        + "request was stored, send it again shortly");
        p.setTitle("CTI ingest overloaded");
        return p;
    }
}
