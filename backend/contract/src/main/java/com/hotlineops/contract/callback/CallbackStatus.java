package com.hotlineops.contract.callback;

/** Where a callback task stands: open until reached, the caller got through by themselves, or 3 attempts failed. */
public enum CallbackStatus {
    OPEN,
    REACHED,
    CALLER_REACHED_US,
    NOT_REACHED
}
