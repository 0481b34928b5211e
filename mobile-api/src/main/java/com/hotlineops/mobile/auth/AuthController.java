package com.hotlineops.mobile.auth;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code {username, password}} or {@code {refreshToken}} → {@code {accessToken, refreshToken, expiresIn}} (DESIGN.md §4). */
@RestController
@RequestMapping("/mobile/v1/auth")
class AuthController {

    private final MobileLogin login;

    AuthController(MobileLogin login) {
        this.login = login;
    }

    @PostMapping("/login")
    Mono<TokenResponse> login(@RequestBody TokenRequest request) {
        return login.login(request.username(), request.password());
    }

    @PostMapping("/refresh")
    Mono<TokenResponse> refresh(@RequestBody TokenRequest request) {
        return login.refresh(request.refreshToken());
    }
}
