package com.hotlineops.server.auth;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.useradmin.OwnPassword;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A signed-in user changes their own password (decision 0036). Open to every account that signs in with a password,
 * also while its token requires the change; not to partner systems signed in by API key, which have none.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Tokens and the user's own password")
class PasswordController {

    private final OwnPassword passwords;

    PasswordController(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/password")
    @Operation(summary = "Change your own password: {currentPassword, newPassword} (at least 10 characters, at most 72 "
            + "bytes, not containing the username, not the current one). 200 with a fresh token pair for this session; "
            + "the refresh tokens of every other session are refused from then on, and the token no longer requires "
            + "a password change. A wrong current password answers 400 (type urn:hotline-ops:problem:wrong-password); "
            + "after 5 wrong ones within 15 minutes every change answers 429 with Retry-After (any role)")
    Mono<TokenResponse> change(@RequestBody PasswordChange request, @AuthenticationPrincipal Jwt jwt) {
        if (jwt == null) {
            return Mono.error(new AccessDeniedException("Only accounts that sign in with a password can change it"));
        }
        return passwords.change(Actor.from(jwt).userId(), request);
    }
}
