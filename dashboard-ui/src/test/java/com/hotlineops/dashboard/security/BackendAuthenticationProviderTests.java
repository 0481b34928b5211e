package com.hotlineops.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import tools.jackson.databind.json.JsonMapper;

/** Console sign-in and token refresh against a stand-in of the backend's token endpoint. */
class BackendAuthenticationProviderTests {

    private final FakeTokenEndpoint backend = new FakeTokenEndpoint();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
    private final BackendTokens tokens = new BackendTokens("127.0.0.1", backend.port(), Duration.ofSeconds(2));
    private final BackendAuthenticationProvider provider =
            new BackendAuthenticationProvider(tokens, JsonMapper.builder().build(), clock);

    @AfterEach
    void stop() {
        backend.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void rightPasswordThenDeskUserWithTheRolesOfTheBackendsToken() {
        Authentication signedIn = provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo"));

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_SUPERVISOR");
        DeskUser user = (DeskUser) signedIn.getPrincipal();
        assertThat(user.username()).isEqualTo("supervisor1");
        assertThat(user.credentials().accessToken()).isEqualTo(FakeTokenEndpoint.jwt(1));
        assertThat(signedIn.getCredentials()).as("the password is not kept").isNull();
    }

    @Test
    void wrongPasswordThenBadCredentials() {
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "guess")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void signInThenTheBrowsersAddressForwardedForTheBackendsPerAddressLimit() {
        UsernamePasswordAuthenticationToken login =
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo");
        MockHttpServletRequest browser = new MockHttpServletRequest();
        browser.setRemoteAddr("192.0.2.44");
        login.setDetails(new WebAuthenticationDetails(browser));

        provider.authenticate(login);
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo"));

        assertThat(backend.forwardedFor).containsExactly("192.0.2.44", "");
    }

    @Test
    void throttledByTheBackendThenLockedNotBadCredentials() {
        backend.throttled = true;
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void backendDownThenServiceExceptionNotBadCredentials() {
        BackendTokens nowhere = new BackendTokens("127.0.0.1", 1, Duration.ofSeconds(1));
        BackendAuthenticationProvider offline =
                new BackendAuthenticationProvider(nowhere, JsonMapper.builder().build(), clock);

        assertThatThrownBy(() -> offline.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo")))
                .isInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void accessTokenAboutToExpireThenRefreshedBeforeUseAndAFreshOneIsNot() {
        backend.expiresIn = 20; // inside CurrentUser.MARGIN
        Authentication signedIn = provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "supervisor1-demo"));
        SecurityContextHolder.getContext().setAuthentication(signedIn);
        CurrentUser current = new CurrentUser(tokens, clock, JsonMapper.builder().build());

        backend.expiresIn = 900;
        assertThat(current.bearer()).isEqualTo(FakeTokenEndpoint.jwt(2));
        assertThat(backend.requests.getLast().path("refreshToken").asString()).isEqualTo("refresh-1");
        assertThat(current.bearer()).as("fresh for 15 minutes now").isEqualTo(FakeTokenEndpoint.jwt(2));
        assertThat(backend.requests).hasSize(2);
    }
}
