package com.hotlineops.core.partner;

import java.util.UUID;

/** No status callback with this id among the partner's: unknown, or another partner's. */
public class DeliveryNotFoundException extends RuntimeException {

    public DeliveryNotFoundException(UUID partnerId, long deliveryId) {
        super("No delivery " + deliveryId + " of partner " + partnerId);
    }
}
