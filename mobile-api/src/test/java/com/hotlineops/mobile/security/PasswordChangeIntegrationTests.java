package com.hotlineops.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.useradmin.UserAdministration;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone side of decision 0036, through the same core service and tables as the backend: a grid worker an
 * administrator created logs in, but until they change the password every ticket route answers 403
 * {@code password-change-required} on REST and RSocket (refresh and logout still work); the change hands out new tokens
 * that work and ends the old refresh token. Wrong current passwords, rule breaks and the rate limit answer the phone's
 * problem codes; desk users cannot use the phone's route.
 */
class PasswordChangeIntegrationTests extends MobileApiIntegrationTestSupport {

    private static final String INITIAL = "Initial-pass-2026";
    private static final String CHOSEN = "Phone-choice-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserAdministration administration;

    private String workerCreatedByAnAdministrator() {
        String username = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        administration.create(new NewUser(username, "新网格员", List.of("GRID_WORKER"), null,
                DemoOrganisation.idOf(DemoOrganisation.GRID_CHENGGUAN_1), INITIAL), actor("admin")).block(TIMEOUT);
        return username;
    }

    private WebTestClient.ResponseSpec auth(String route, Object body) {
        return http().post().uri("/mobile/v1/auth/" + route).bodyValue(body).exchange();
    }

    private TokenResponse tokens(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(TokenResponse.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec change(String bearer, String current, String next) {
        return http().post().uri("/mobile/v1/auth/password").headers(h -> h.setBearerAuth(bearer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new PasswordChange(current, next)).exchange();
    }

    private WebTestClient.ResponseSpec tickets(String bearer) {
        return http().get().uri("/mobile/v1/tickets").headers(h -> h.setBearerAuth(bearer)).exchange();
    }

    private static boolean flagged(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
                .path("pwd_change").asBoolean(false);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void workerCreatedByAnAdministratorThenRefusedOnRestAndRSocketUntilThePasswordIsChangedThenServed(
            Transport transport) {
        String username = workerCreatedByAnAdministrator();
        TicketView mine = dispatchedTicket("T01-G01");
        TokenResponse first = tokens(auth("login", TokenRequest.password(username, INITIAL)));
        assertThat(flagged(first.accessToken())).isTrue();
        assertThat(flagged(cachedToken("worker1"))).isFalse();

        tickets(cachedToken("worker1")).expectStatus().isOk();
        tickets(first.accessToken()).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("password-change-required")
                .jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:password-change-required");
        http().get().uri("/mobile/v1/tickets/" + mine.id()).headers(h -> h.setBearerAuth(first.accessToken()))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("password-change-required");
        RSocketRequester refused = connect(transport, first.accessToken());
        StepVerifier.create(refused.route("mobile.tickets.{id}", mine.id()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("password-change-required:"))
                .verify(TIMEOUT);

        TokenResponse refreshed = tokens(auth("refresh", new TokenRequest(null, null, first.refreshToken())));
        assertThat(flagged(refreshed.accessToken())).isTrue();
        TokenResponse fresh = tokens(change(refreshed.accessToken(), INITIAL, CHOSEN));

        assertThat(flagged(fresh.accessToken())).isFalse();
        tickets(fresh.accessToken()).expectStatus().isOk();
        RSocketRequester served = connect(transport, fresh.accessToken());
        StepVerifier.create(served.route("mobile.tickets.{id}", mine.id()).retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.id()).isEqualTo(mine.id()))
                .verifyComplete();
        auth("refresh", new TokenRequest(null, null, refreshed.refreshToken())).expectStatus().isUnauthorized();
        auth("login", TokenRequest.password(username, INITIAL)).expectStatus().isUnauthorized();
        assertThat(flagged(tokens(auth("login", TokenRequest.password(username, CHOSEN))).accessToken())).isFalse();
        assertThat(db.sql("select count(*) as n from user_admin_event e join app_user u on u.id = e.user_id "
                        + "where u.username = :u and e.type = 'PASSWORD_CHANGED' and e.actor = :u")
                .bind("u", username).map(r -> r.get("n", Long.class)).one().block(TIMEOUT)).isEqualTo(1);
    }

    @Test
    void logoutWithATokenThatRequiresTheChangeThen204AndTheRefreshTokenEnds() {
        String username = workerCreatedByAnAdministrator();
        TokenResponse first = tokens(auth("login", TokenRequest.password(username, INITIAL)));
        http().post().uri("/mobile/v1/auth/logout").headers(h -> h.setBearerAuth(first.accessToken()))
                .bodyValue(new TokenRequest(null, null, first.refreshToken())).exchange().expectStatus().isNoContent();
        auth("refresh", new TokenRequest(null, null, first.refreshToken())).expectStatus().isUnauthorized();
    }

    @Test
    void wrongCurrentPasswordOrANewOneAgainstTheRulesThen400WithThePhonesCodesAndNothingChanged() {
        String username = workerCreatedByAnAdministrator();
        String bearer = tokens(auth("login", TokenRequest.password(username, INITIAL))).accessToken();

        change(bearer, "Not-the-password-1", CHOSEN).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("wrong-password");
        change(bearer, INITIAL, "short-pw1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-password")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("at least 10"));
        change(bearer, INITIAL, "x-" + username + "-2026").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("username"));

        auth("login", TokenRequest.password(username, INITIAL)).expectStatus().isOk();
        tickets(bearer).expectStatus().isForbidden();
    }

    @Test
    void fiveWrongCurrentPasswordsThen429WithRetryAfterEvenForTheRightOne() {
        String username = workerCreatedByAnAdministrator();
        String bearer = tokens(auth("login", TokenRequest.password(username, INITIAL))).accessToken();
        for (int i = 0; i < 5; i++) {
            change(bearer, "Wrong-guess-" + i + "00", CHOSEN).expectStatus().isBadRequest();
        }
        change(bearer, INITIAL, CHOSEN).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L))
                .expectBody().jsonPath("$.code").isEqualTo("too-many-attempts");
        auth("login", TokenRequest.password(username, CHOSEN)).expectStatus().isUnauthorized();
    }

    @Test
    void deskUsersTokenOnThePhonesPasswordRouteThen403AndWithoutTokenThen401() {
        change(deskToken("dispatcher1"), DemoOrganisation.passwordOf("dispatcher1"), CHOSEN).expectStatus()
                .isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        http().post().uri("/mobile/v1/auth/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new PasswordChange(INITIAL, CHOSEN)).exchange().expectStatus().isUnauthorized();
        auth("login", TokenRequest.password("dispatcher1", DemoOrganisation.passwordOf("dispatcher1")))
                .expectStatus().isUnauthorized();
    }
}
