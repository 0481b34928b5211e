package com.hotlineops.server.auth;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.security.TokenService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Issues tokens for desk staff, the wall and partner systems. Not idempotent by nature: each call issues new tokens. */
@RestController
@RequestMapping("/api/v1/auth")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/token")
    Mono<TokenResponse> token(@RequestBody TokenRequest request) {
        Mono<TokenResponse> issued = request.refreshToken() != null
                ? tokens.refresh(request.refreshToken()).onErrorMap(e -> new BadCredentialsException("Bad token", e))
                : tokens.login(request.username(), request.password());
        return issued.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Bad credentials")));
    }
}
