package com.hotlineops.core.callback;

import java.util.UUID;

/** No callback task has this id. */
public class CallbackTaskNotFoundException extends RuntimeException {

    public CallbackTaskNotFoundException(UUID id) {
        super("No callback task " + id);
    }
}
