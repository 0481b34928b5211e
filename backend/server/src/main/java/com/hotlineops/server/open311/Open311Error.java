package com.hotlineops.server.open311;

import org.springframework.http.HttpStatus;

/** An error answered the GeoReport v2 way: the HTTP status, also as {@code code}, and a description. */
class Open311Error extends RuntimeException {

    private final HttpStatus status;

    Open311Error(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
