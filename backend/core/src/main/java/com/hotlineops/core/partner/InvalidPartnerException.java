package com.hotlineops.core.partner;

/** A partner registration or key rotation with bad input; nothing was changed. */
public class InvalidPartnerException extends RuntimeException {

    public InvalidPartnerException(String message) {
        super(message);
    }
}
