package com.hotlineops.mobile.auth;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.core.security.LoginThrottle;
import com.hotlineops.core.useradmin.OwnPassword;
import com.hotlineops.mobile.security.MobileRoles;
import java.net.InetAddress;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues tokens to phone users. A desk user with valid credentials is refused like a wrong password, so the phone
 * endpoint tells an outsider nothing about desk accounts.
 */
@Service
class MobileLogin {

    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final ReactiveJwtDecoder accessTokens;
    private final OwnPassword passwords;

    MobileLogin(LoginThrottle throttle, TokenService tokens, ReactiveJwtDecoder accessTokens, OwnPassword passwords) {
        this.throttle = throttle;
        this.passwords = passwords;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
    }

    /**
     * Through the same login throttle as the backend's (decision 0037), per username across both apps: a desk user's
     * right password counts as a failure here, like any refused login, so the phone endpoint is no oracle for desk
     * passwords either.
     */
    Mono<TokenResponse> login(String username, String password, String clientAddress) {
        return throttle.authenticate(username, password, clientAddress, user -> MobileRoles.allowed(user.roles()))
                .map(tokens::issue);
    }

    /** The address the login is counted under ({@link LoginThrottle#clientAddress}). */
    String clientAddress(InetAddress peer, List<String> forwardedFor) {
        return throttle.clientAddress(peer, forwardedFor);
    }

    /** A fresh pair for a valid refresh token, if its owner is still enabled and still a phone user. */
    Mono<TokenResponse> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.error(badCredentials());
        }
        return tokens.refresh(refreshToken)
                .filterWhen(issued -> accessTokens.decode(issued.accessToken())
                        .map(jwt -> MobileRoles.allowed(Actor.from(jwt).roles())))
                .onErrorMap(JwtException.class, e -> badCredentials())
                .switchIfEmpty(Mono.error(MobileLogin::badCredentials));
    }

    /**
     * The phone user's own password change, through the same core service as the backend's (decision 0036); the
     * route already requires a phone role.
     */
    Mono<TokenResponse> changePassword(Jwt jwt, PasswordChange request) {
        return passwords.change(Actor.from(jwt).userId(), request);
    }

    /** Revokes the refresh token; the access token runs out by itself within its short life. */
    Mono<Void> logout(String refreshToken) {
        return refreshToken == null || refreshToken.isBlank() ? Mono.empty() : tokens.revoke(refreshToken);
    }

    private static BadCredentialsException badCredentials() {
        return new BadCredentialsException("Bad credentials");
    }
}
