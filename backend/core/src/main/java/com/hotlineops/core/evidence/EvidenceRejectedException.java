package com.hotlineops.core.evidence;

/** An upload that cannot be kept; nothing was stored. */
public final class EvidenceRejectedException extends RuntimeException {

    /** Why: the web layers map each reason to its status (413, 415, 409). */
    public enum Reason {
        TOO_LARGE,
        EMPTY,
        NOT_AN_IMAGE,
        TICKET_NOT_IN_PROGRESS
    }

    private final Reason reason;

    public EvidenceRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
