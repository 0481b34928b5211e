package com.hotlineops.core.open311;

/** A GeoReport v2 request or query with a missing or bad parameter (Open311 error 400); nothing was recorded. */
public class InvalidServiceRequestException extends RuntimeException {

    public InvalidServiceRequestException(String message) {
        super(message);
    }
}
