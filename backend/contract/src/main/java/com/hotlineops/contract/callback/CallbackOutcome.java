package com.hotlineops.contract.callback;

/** The outcome of one callback attempt. */
public enum CallbackOutcome {
    REACHED,
    NO_ANSWER,
    BUSY
}
