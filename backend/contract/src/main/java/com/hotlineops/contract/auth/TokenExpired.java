package com.hotlineops.contract.auth;

/**
 * How the backend and the mobile API say that an access token ran out on RSocket (decision 0043): an
 * {@code APPLICATION_ERROR} frame whose message is exactly {@link #MESSAGE}. A request-stream ends with it when the
 * token it was opened with expires, whether that token came in the SETUP frame or with the request; a request or a
 * new stream that runs under an expired token is refused with it. Nothing else is wrong: take a fresh token and open
 * the stream again (a phone from its last cursor).
 */
public final class TokenExpired {

    /** Starts with {@code unauthorized:}, the code of every refusal that a fresh token cures. */
    public static final String MESSAGE = "unauthorized: token expired; reconnect with a fresh token";

    private TokenExpired() {
    }

    /** Whether {@code error} (an RSocket error frame as a client receives it) says the token expired. */
    public static boolean is(Throwable error) {
        return error != null && MESSAGE.equals(error.getMessage());
    }
}
