package com.hotlineops.contract.auth;

/** Bearer tokens; {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn) {
}
