package com.hotlineops.core.open311;

/** No service with this code in the category tree. */
public class UnknownServiceException extends RuntimeException {

    public UnknownServiceException(String code) {
        super("service_code " + code + " not found");
    }
}
