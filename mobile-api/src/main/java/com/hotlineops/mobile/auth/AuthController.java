package com.hotlineops.mobile.auth;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import java.net.InetSocketAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code {username, password}} or {@code {refreshToken}} → {@code {accessToken, refreshToken, expiresIn}}
 * (DESIGN.md §4); logout revokes the refresh token; the signed-in user changes their password.
 */
@RestController
@RequestMapping("/mobile/v1/auth")
class AuthController {

    private final MobileLogin login;

    AuthController(MobileLogin login) {
        this.login = login;
    }

    /**
     * After too many failed logins for the username (across both apps) or from the phone's address, 429 with
     * Retry-After and code {@code too-many-logins}, the password unchecked (decision 0037).
     */
    @PostMapping("/login")
    Mono<TokenResponse> login(@RequestBody TokenRequest request, ServerHttpRequest http) {
        InetSocketAddress peer = http.getRemoteAddress();
        return login.login(request.username(), request.password(), login.clientAddress(
                peer == null ? null : peer.getAddress(), http.getHeaders().getValuesAsList("X-Forwarded-For")));
    }

    @PostMapping("/refresh")
    Mono<TokenResponse> refresh(@RequestBody TokenRequest request) {
        return login.refresh(request.refreshToken());
    }

    /**
     * {@code {currentPassword, newPassword}} → a fresh token pair (decision 0036): the phone user's own password
     * change, the only route besides refresh and logout while the token requires it. The refresh tokens of the
     * user's other sessions are refused from then on.
     */
    @PostMapping("/password")
    Mono<TokenResponse> password(@RequestBody PasswordChange request, @AuthenticationPrincipal Jwt jwt) {
        return login.changePassword(jwt, request);
    }

    /**
     * {@code {refreshToken}} → 204: the refresh token stops working. Always 204, also for a token that was not valid,
     * so a phone can log out offline-first and retry blindly.
     */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@RequestBody TokenRequest request) {
        return login.logout(request.refreshToken());
    }
}
