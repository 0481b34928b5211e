package com.hotlineops.core.partner;

/** Only a FAILED callback is replayed: a DELIVERED one was acknowledged by the partner and is never sent again. */
public class DeliveryNotReplayableException extends RuntimeException {

    public DeliveryNotReplayableException(long deliveryId) {
        super("Delivery " + deliveryId + " was DELIVERED: the partner acknowledged it, so it is not sent again; only "
                + "FAILED deliveries are replayed");
    }
}
