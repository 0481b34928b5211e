package com.hotlineops.core.security;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The forced password change (decision 0036): an access token of an account whose password an administrator set
 * carries {@value TokenService#PASSWORD_CHANGE_CLAIM}, and every app refuses it on every route but the password change,
 * token refresh and logout, with a 403 problem of type {@link #TYPE} (on RSocket, an error whose message starts with
 * {@value #CODE}{@code :}). Changing the password clears the flag; the new tokens carry no claim.
 */
public final class PasswordChangeRequired {

    /** The problem code, as the mobile API's codes are written. */
    public static final String CODE = "password-change-required";
    public static final URI TYPE = URI.create("urn:hotline-ops:problem:" + CODE);
    public static final String TITLE = "Password change required";
    public static final String DETAIL = "An administrator set your password: change it first; until then only the "
            + "password change, token refresh and logout are open";

    private PasswordChangeRequired() {
    }

    /** Whether the caller signed in with a token that still requires the password change. */
    public static boolean of(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt
                && Boolean.TRUE.equals(jwt.getToken().getClaimAsBoolean(TokenService.PASSWORD_CHANGE_CLAIM));
    }
}
