package com.hotlineops.core.callback;

/** The task cannot be claimed or attempted by this caller now: closed, or claimed by someone else, or not claimed. */
public class CallbackTaskUnavailableException extends RuntimeException {

    public CallbackTaskUnavailableException(String message) {
        super(message);
    }
}
