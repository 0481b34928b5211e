package com.hotlineops.core.useradmin;

import java.util.UUID;

/** No account has this id. */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(UUID id) {
        super("User " + id + " not found");
    }
}
