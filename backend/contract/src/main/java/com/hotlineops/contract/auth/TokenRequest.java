package com.hotlineops.contract.auth;

/** {@code {username, password}}, or a refresh token to exchange for a new access token. */
public record TokenRequest(String username, String password, String refreshToken) {

    public static TokenRequest password(String username, String password) {
        return new TokenRequest(username, password, null);
    }
}
