package com.hotlineops.core.partner;

import com.hotlineops.contract.partner.StatusCallback;

/**
 * A status callback claimed for delivery: where it goes, the secret that signs it (and, during the grace period of a
 * secret rotation, the secret replaced, which signs it too; null otherwise), and which attempt this is (1 for the
 * first).
 */
public record PendingCallback(long id, int attempt, String url, String secret, String previousSecret,
        StatusCallback callback) {

    @Override
    public String toString() {
        return "PendingCallback[id=" + id + ", attempt=" + attempt + ", url=" + url + ", event="
                + callback.eventId() + "]";
    }
}
