package com.hotlineops.core.useradmin;

/** An account command or query with bad input; nothing was changed. */
public class InvalidUserException extends RuntimeException {

    public InvalidUserException(String message) {
        super(message);
    }
}
