package com.hotlineops.mobile.feed;

/** Ends a feed whose token expired; the phone refreshes its token and resumes from its last cursor. */
final class TokenExpiredException extends RuntimeException {

    TokenExpiredException() {
        super("unauthorized: the access token expired; refresh it and resume from your last cursor", null, false,
                false);
    }
}
