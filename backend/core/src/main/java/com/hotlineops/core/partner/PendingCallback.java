package com.hotlineops.core.partner;

import com.hotlineops.contract.partner.StatusCallback;

/**
 * A status callback claimed for delivery: where it goes, the secret that signs it (and, during the grace period of a
 * secret rotation, the secret replaced, which signs it too; null otherwise), which attempt this is (1 for the
 * first), and the partner's name (the deliverer's meters count outcomes per partner).
 */
public record PendingCallback(long id, int attempt, String url, String secret, String previousSecret,
        StatusCallback callback, String partner) {

    @Override
    public String toString() {
        return "PendingCallback[id=" + id + ", partner=" + partner + ", attempt=" + attempt + ", url=" + url
                + ", event=" + callback.eventId() + "]";
    }
}
