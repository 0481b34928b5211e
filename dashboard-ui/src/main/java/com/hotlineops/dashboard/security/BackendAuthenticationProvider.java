package com.hotlineops.dashboard.security;

import com.hotlineops.contract.auth.TokenResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a console login with the backend: the password goes to the token endpoint, never into this app's own
 * store, and the roles come from the token it answers with. The token is read, not verified: it arrived just now, on
 * our own connection to the backend, in answer to these credentials; every later use is verified by the backend. A
 * token that requires the password change (decision 0036) still signs the user in: the console then sends them to the
 * change and nowhere else ({@code console.PasswordChangeGuard}). The browser's address goes along as
 * {@code X-Forwarded-For}, so the backend's per-address login limit counts browsers, not this console (decision 0037);
 * a throttled login is a {@link LockedException}, not a wrong password.
 */
@Component
class BackendAuthenticationProvider implements AuthenticationProvider {

    private final BackendTokens tokens;
    private final JsonMapper json;
    private final Clock clock;

    BackendAuthenticationProvider(BackendTokens tokens, JsonMapper json, Clock clock) {
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String username = login.getName();
        String password = String.valueOf(login.getCredentials());
        if (username == null || username.isBlank() || password.isEmpty()) {
            throw new BadCredentialsException("Username and password are required");
        }
        TokenResponse token;
        String browser = login.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        try {
            token = tokens.password(username.strip(), password, browser);
        } catch (HttpClientErrorException.TooManyRequests e) {
            throw new LockedException("Too many failed logins; try again later", e);
        } catch (HttpClientErrorException e) {
            throw new BadCredentialsException("Wrong username or password", e);
        } catch (RestClientException e) {
            throw new AuthenticationServiceException("The backend cannot be reached; try again shortly", e);
        }
        DeskUser user = user(token);
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    DeskUser user(TokenResponse token) {
        JsonNode claims = claims(token.accessToken());
        Set<String> roles = new HashSet<>();
        claims.path("roles").forEach(role -> roles.add(role.asString()));
        String unit = claims.path("unit").asString(null);
        Instant expiresAt = clock.instant().plusSeconds(token.expiresIn());
        return new DeskUser(claims.path("preferred_username").asString(), roles,
                unit == null ? null : UUID.fromString(unit),
                new DeskUser.BackendCredentials(token.accessToken(), token.refreshToken(), expiresAt,
                        TokenClaims.passwordChangeRequired(claims)));
    }

    private JsonNode claims(String jwt) {
        return TokenClaims.read(json, jwt)
                .orElseThrow(() -> new AuthenticationServiceException("The backend answered without a usable token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
