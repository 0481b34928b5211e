package com.hotlineops.core.partner;

import com.hotlineops.contract.partner.StatusCallback;

/**
 * A status callback claimed for delivery: where it goes, the secret that signs it, and which attempt this is (1 for
 * the first).
 */
public record PendingCallback(long id, int attempt, String url, String secret, StatusCallback callback) {

    @Override
    public String toString() {
        return "PendingCallback[id=" + id + ", attempt=" + attempt + ", url=" + url + ", event="
                + callback.eventId() + "]";
    }
}
