package com.hotlineops.mobile.feed;

/** The feed request cannot be served as asked (a malformed cursor); the message is safe to show. */
public final class InvalidFeedRequestException extends RuntimeException {

    InvalidFeedRequestException(String message) {
        super(message, null, false, false);
    }
}
