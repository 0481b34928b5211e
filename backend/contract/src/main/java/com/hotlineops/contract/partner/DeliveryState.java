package com.hotlineops.contract.partner;

/**
 * Where a status callback stands (decision 0016): waiting for its next attempt (or for its partner to be enabled
 * again), acknowledged with a 2xx, or given up after the last attempt of the retry schedule (kept until replayed).
 */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
