package com.hotlineops.server.auth;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.security.LoginThrottle;
import com.hotlineops.core.security.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Issues tokens for desk staff, the wall and partner systems. Not idempotent by nature: each call issues new tokens.
 * Password logins are throttled per username and per client address (decision 0037).
 */
@RestController
@RequestMapping("/api/v1/auth")
class TokenController {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TokenService tokens;
    private final LoginThrottle throttle;

    TokenController(TokenService tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @PostMapping("/token")
    @Operation(summary = "{username, password} or {refreshToken} → {accessToken, refreshToken, expiresIn}. A wrong "
            + "password, an unknown or a disabled account answer the same 401. After too many failed logins for one "
            + "username or from one client address within the window (by default 10 and 50 in 15 minutes), logins for "
            + "it answer 429 (type urn:hotline-ops:problem:too-many-logins) with Retry-After, without checking the "
            + "password, whether the account exists or not (no role: this is where tokens come from)")
    Mono<TokenResponse> token(@RequestBody TokenRequest request, ServerHttpRequest http) {
        Mono<TokenResponse> issued = request.refreshToken() != null
                ? tokens.refresh(request.refreshToken()).onErrorMap(e -> new BadCredentialsException("Bad token", e))
                : tokens.login(request.username(), request.password(), clientAddress(http));
        return issued.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Bad credentials")));
    }

    private String clientAddress(ServerHttpRequest http) {
        InetSocketAddress peer = http.getRemoteAddress();
        return throttle.clientAddress(peer == null ? null : peer.getAddress(),
                http.getHeaders().getValuesAsList(FORWARDED_FOR));
    }
}
