package com.hotlineops.mobile.feed;

/** Ends a feed whose phone does not keep up; the phone reconnects with its last cursor and loses nothing. */
final class FeedOverflowException extends RuntimeException {

    FeedOverflowException(int buffer) {
        super("feed-overflow: more than " + buffer + " changes waiting; reconnect with your last cursor", null, false,
                false);
    }
}
