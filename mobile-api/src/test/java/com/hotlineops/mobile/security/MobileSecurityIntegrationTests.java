package com.hotlineops.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import io.rsocket.exceptions.RejectedSetupException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.test.StepVerifier;

/** Who gets in, over HTTP and both RSocket transports; every refusal next to the matching success. */
class MobileSecurityIntegrationTests extends MobileApiIntegrationTestSupport {

    @Test
    void loginWithRightPasswordThenTokens() {
        TokenResponse tokens = login("worker1");
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresIn()).isPositive();
    }

    @Test
    void loginWithWrongPasswordThen401ProblemDetails() {
        http().post().uri("/mobile/v1/auth/login")
                .bodyValue(TokenRequest.password("worker1", "not-the-password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.detail").isEqualTo("Bad credentials");
    }

    @Test
    void loginAsDeskUserThen401LikeAWrongPassword() {
        http().post().uri("/mobile/v1/auth/login")
                .bodyValue(TokenRequest.password("dispatcher1", "dispatcher1-demo"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Bad credentials");
    }

    @Test
    void unitHandlerMayLogIn() {
        assertThat(login("handler-t01").accessToken()).isNotBlank();
    }

    @Test
    void refreshWithRefreshTokenThenNewTokensAndWithAccessTokenThen401() {
        TokenResponse first = login("worker2");
        http().post().uri("/mobile/v1/auth/refresh")
                .bodyValue(new TokenRequest(null, null, first.refreshToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accessToken").isNotEmpty();
        http().post().uri("/mobile/v1/auth/refresh")
                .bodyValue(new TokenRequest(null, null, first.accessToken()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void logoutThenTheRefreshTokenNoLongerRefreshesWhileAnotherSessionsStillDoes() {
        TokenResponse phone = login("worker3");
        TokenResponse otherPhone = login("worker3");

        http().post().uri("/mobile/v1/auth/logout")
                .bodyValue(new TokenRequest(null, null, phone.refreshToken()))
                .exchange()
                .expectStatus().isNoContent();
        http().post().uri("/mobile/v1/auth/logout")
                .bodyValue(new TokenRequest(null, null, phone.refreshToken()))
                .exchange()
                .expectStatus().isNoContent();

        http().post().uri("/mobile/v1/auth/refresh")
                .bodyValue(new TokenRequest(null, null, phone.refreshToken()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
        http().post().uri("/mobile/v1/auth/refresh")
                .bodyValue(new TokenRequest(null, null, otherPhone.refreshToken()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void logoutWithSomethingThatIsNoRefreshTokenThen204AndNothingRevoked() {
        TokenResponse phone = login("worker4");
        http().post().uri("/mobile/v1/auth/logout")
                .bodyValue(new TokenRequest(null, null, phone.accessToken()))
                .exchange()
                .expectStatus().isNoContent();
        http().post().uri("/mobile/v1/auth/logout")
                .bodyValue(new TokenRequest(null, null, "not a token"))
                .exchange()
                .expectStatus().isNoContent();
        http().post().uri("/mobile/v1/auth/refresh")
                .bodyValue(new TokenRequest(null, null, phone.refreshToken()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void restWithoutTokenThen401AndWithTokenThen200() {
        http().get().uri("/mobile/v1/tickets")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
        http().get().uri("/mobile/v1/tickets")
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(TicketView.class);
    }

    @Test
    void restWithForgedTokenThen401() {
        http().get().uri("/mobile/v1/tickets")
                .headers(h -> h.setBearerAuth(accessToken("worker1") + "x"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    @Test
    void restWithDeskUsersTokenThen403() {
        String dispatcher = tokenService.issue(users.findByUsername("dispatcher1").block(TIMEOUT)).accessToken();
        http().get().uri("/mobile/v1/tickets")
                .headers(h -> h.setBearerAuth(dispatcher))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void healthAndApiDocsAreOpen() {
        http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/mobile/v1/auth/login']").exists();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void rsocketWithoutTokenThenUnauthorized(Transport transport) {
        RSocketRequester anonymous = connect(transport, null);
        StepVerifier.create(anonymous.route("mobile.tickets.{id}", UUID.randomUUID()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("unauthorized:"))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void rsocketWithForgedTokenAtSetupThenRejected(Transport transport) {
        RSocketRequester forged = connect(transport, accessToken("worker1") + "x");
        StepVerifier.create(forged.route("mobile.tickets.{id}", UUID.randomUUID()).retrieveMono(TicketView.class))
                .expectError(RejectedSetupException.class)
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void rsocketWithTokenPerRequestThenAllowedAndWithoutThenUnauthorized(Transport transport) {
        RSocketRequester phone = connect(transport, null);
        String token = accessToken("worker1");
        TicketView mine = dispatchedTicket("T01-G01");

        StepVerifier.create(phone.route("mobile.tickets.{id}", mine.id()).metadata(bearer(token), AUTHENTICATION)
                        .retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.id()).isEqualTo(mine.id()))
                .verifyComplete();
        StepVerifier.create(phone.route("mobile.tickets.{id}", mine.id()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("unauthorized:"))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void rsocketWithDeskUsersTokenThenForbidden(Transport transport) {
        String dispatcher = tokenService.issue(users.findByUsername("dispatcher1").block(TIMEOUT)).accessToken();
        RSocketRequester desk = connect(transport, dispatcher);
        StepVerifier.create(desk.route("mobile.tickets.{id}", UUID.randomUUID()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("forbidden:"))
                .verify(TIMEOUT);
    }

    @Test
    void rsocketRouteOutsideMobileThenForbidden() {
        RSocketRequester phone = connect(Transport.TCP, accessToken("worker1"));
        StepVerifier.create(phone.route("wall.frames").retrieveFlux(String.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("forbidden:"))
                .verify(TIMEOUT);
    }
}
