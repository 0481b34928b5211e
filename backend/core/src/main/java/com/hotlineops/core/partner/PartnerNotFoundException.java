package com.hotlineops.core.partner;

import java.util.UUID;

/** No partner with this id. */
public class PartnerNotFoundException extends RuntimeException {

    public PartnerNotFoundException(UUID id) {
        super("No partner " + id);
    }
}
