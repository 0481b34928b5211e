package com.hotlineops.core.useradmin;

/**
 * A change that would lock administrators out: disabling oneself, removing one's own ADMIN role, or leaving no enabled
 * administrator at all. Nothing was changed.
 */
public class LockoutRefusedException extends RuntimeException {

    public LockoutRefusedException(String message) {
        super(message);
    }
}
