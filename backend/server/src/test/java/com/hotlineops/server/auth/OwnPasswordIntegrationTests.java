package com.hotlineops.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.PasswordReset;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import io.rsocket.metadata.WellKnownMimeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The user's own password change and the forced change after an administrator set the password (decision 0036), on
 * real PostgreSQL: a change ends every other session's refresh tokens and hands this session new ones; a wrong current
 * password, a password against the rules or the same one again is a 400 problem that changes nothing; five wrong ones
 * within 15 minutes lock the change for the rest of the window; a token that requires the change opens nothing but the
 * change and refresh, on HTTP and RSocket, whatever the role, until the password is changed.
 */
class OwnPasswordIntegrationTests extends BackendIntegrationTest {

    private static final String INITIAL = "Initial-pass-2026";
    private static final String CHOSEN = "My-own-choice-77";
    private static final String FIGURES = "/api/v1/figures/calls?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    @Autowired
    RSocketRequester.Builder requesters;
    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UserView create(String username, String role, UUID unit) {
        return http.post().uri("/api/v1/users").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new NewUser(username, "测试用户", List.of(role), unit, null, INITIAL))
                .exchange().expectStatus().isCreated().expectBody(UserView.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.post().uri("/api/v1/auth/token").bodyValue(TokenRequest.password(username, password)).exchange();
    }

    private TokenResponse loggedIn(String username, String password) {
        return login(username, password).expectStatus().isOk().expectBody(TokenResponse.class).returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/token").bodyValue(new TokenRequest(null, null, refreshToken)).exchange();
    }

    private WebTestClient.ResponseSpec change(String bearer, PasswordChange request) {
        return http.post().uri("/api/v1/auth/password").headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    private TokenResponse changed(String bearer, String current, String next) {
        return change(bearer, new PasswordChange(current, next)).expectStatus().isOk().expectBody(TokenResponse.class)
                .returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String bearer, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(bearer)).exchange();
    }

    private JsonNode claims(String jwt) {
        return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private List<String> events(UUID user) {
        return db.sql("select type || ' by ' || actor || ' as ' || actor_id as e from user_admin_event "
                        + "where user_id = :id order by id")
                .bind("id", user).map(r -> r.get("e", String.class)).all().collectList().block();
    }

    private static void isPasswordChangeRequired(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:password-change-required");
    }

    // --- changing ----------------------------------------------------------------------------------------------------

    @Test
    void changedThenOldPasswordRefusedNewWorksOtherSessionsRefreshRefusedAndThisSessionsNewTokensWork() {
        String username = unique("agent");
        UserView user = create(username, "AGENT", null);
        TokenResponse here = loggedIn(username, INITIAL);
        TokenResponse elsewhere = loggedIn(username, INITIAL);

        TokenResponse fresh = changed(here.accessToken(), INITIAL, CHOSEN);

        login(username, INITIAL).expectStatus().isUnauthorized();
        login(username, CHOSEN).expectStatus().isOk();
        refresh(elsewhere.refreshToken()).expectStatus().isUnauthorized();
        refresh(here.refreshToken()).expectStatus().isUnauthorized();
        get(fresh.accessToken(), "/api/v1/categories").expectStatus().isOk();
        get(fresh.accessToken(), "/api/v1/tickets").expectStatus().isOk();
        assertThat(claims(fresh.accessToken()).has("pwd_change")).isFalse();
        TokenResponse refreshed = refresh(fresh.refreshToken()).expectStatus().isOk().expectBody(TokenResponse.class)
                .returnResult().getResponseBody();
        get(refreshed.accessToken(), "/api/v1/tickets").expectStatus().isOk();
        assertThat(events(user.id())).containsExactly("CREATED by admin as " + DemoOrganisation.idOf("admin"),
                "PASSWORD_CHANGED by " + username + " as " + user.id());
        String changes = db.sql("select changes::text as c from user_admin_event where user_id = :id and "
                + "type = 'PASSWORD_CHANGED'").bind("id", user.id()).map(r -> r.get("c", String.class)).one().block();
        assertThat(changes).doesNotContain(CHOSEN).doesNotContain(INITIAL).contains("passwordChangeRequired");

        // A second change, now that no change is required, works the same way.
        TokenResponse again = changed(fresh.accessToken(), CHOSEN, "Second-choice-88");
        login(username, "Second-choice-88").expectStatus().isOk();
        refresh(refreshed.refreshToken()).expectStatus().isUnauthorized();
        refresh(again.refreshToken()).expectStatus().isOk();
    }

    @Test
    void seededDemoUserThenNoClaimAndServedWhileWithoutTokenThePasswordChangeIs401() {
        assertThat(claims(token(http, "agent1")).has("pwd_change")).isFalse();
        get(token(http, "agent1"), "/api/v1/tickets").expectStatus().isOk();
        change(null, new PasswordChange("x", CHOSEN)).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongCurrentPasswordThen400ProblemAndNothingChanged() {
        String username = unique("agent");
        create(username, "AGENT", null);
        TokenResponse session = loggedIn(username, INITIAL);

        change(session.accessToken(), new PasswordChange("Not-the-password-1", CHOSEN)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:wrong-password")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain(CHOSEN));

        login(username, INITIAL).expectStatus().isOk();
        login(username, CHOSEN).expectStatus().isUnauthorized();
        refresh(session.refreshToken()).expectStatus().isOk();
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                Arguments.of(new PasswordChange(INITIAL, "short-pw1"), "at least 10"),
                Arguments.of(new PasswordChange(INITIAL, "x".repeat(73)), "72 bytes"),
                Arguments.of(new PasswordChange(INITIAL, "          "), "white space"),
                Arguments.of(new PasswordChange(INITIAL, "my-%s-password"), "must not contain the username"),
                Arguments.of(new PasswordChange(INITIAL, INITIAL), "must differ"),
                Arguments.of(new PasswordChange(null, CHOSEN), "current password is required"),
                Arguments.of(new PasswordChange(INITIAL, null), "at least 10"));
    }

    @ParameterizedTest
    @MethodSource("badChanges")
    void newPasswordAgainstTheRulesThen400ProblemSayingWhyAndNothingChanged(PasswordChange template, String why) {
        String username = unique("agent");
        UserView user = create(username, "AGENT", null);
        TokenResponse session = loggedIn(username, INITIAL);
        String next = template.newPassword() == null ? null : template.newPassword().formatted(username);

        change(session.accessToken(), new PasswordChange(template.currentPassword(), next))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:invalid-password")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(why));

        login(username, INITIAL).expectStatus().isOk();
        refresh(session.refreshToken()).expectStatus().isOk();
        assertThat(events(user.id())).hasSize(1);
    }

    @Test
    void fiveWrongCurrentPasswordsThenEvenTheRightOneIs429UntilTheWindowPassesAndOtherAccountsAreNotAffected() {
        String username = unique("agent");
        UserView user = create(username, "AGENT", null);
        String other = unique("agent");
        create(other, "AGENT", null);
        String bearer = loggedIn(username, INITIAL).accessToken();

        for (int i = 0; i < 5; i++) {
            change(bearer, new PasswordChange("Wrong-guess-" + i + "00", CHOSEN)).expectStatus().isBadRequest();
        }
        change(bearer, new PasswordChange(INITIAL, CHOSEN)).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L))
                .expectBody().jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:too-many-attempts");
        login(username, INITIAL).expectStatus().isOk();
        login(username, CHOSEN).expectStatus().isUnauthorized();
        changed(loggedIn(other, INITIAL).accessToken(), INITIAL, CHOSEN);

        // Fifteen minutes later (the failures' times moved back rather than the clock forward), the change works.
        db.sql("update failed_attempt set attempted_at = attempted_at - interval '15 minutes' "
                + "where scope = 'PASSWORD_CHANGE' and subject = :id").bind("id", user.id().toString()).then().block();
        changed(bearer, INITIAL, CHOSEN);
        assertThat(db.sql("select count(*) as n from failed_attempt where scope = 'PASSWORD_CHANGE' and subject = :id")
                .bind("id", user.id().toString())
                .map(r -> r.get("n", Long.class)).one().block()).isZero();
    }

    // --- the forced change -------------------------------------------------------------------------------------------

    @Test
    void passwordSetByAnAdministratorThenEveryRoleIsRefusedEverywhereButTheChangeAndRefreshUntilChanged() {
        record Sample(String role, UUID unit, String demoUser, List<String> routes) {
        }
        List<Sample> samples = List.of(
                new Sample("AGENT", null, "agent1", List.of("/api/v1/tickets", "/api/v1/categories",
                        FIGURES)),
                new Sample("SUPERVISOR", null, "supervisor1", List.of("/api/v1/shifts/directors", "/api/v1/hotspots?from=2026-01-01&to=2026-01-07",
                        "/api/v1/org/units")),
                new Sample("UNIT_HANDLER", T01, "handler-t01", List.of("/api/v1/tickets", "/api/v1/categories")),
                new Sample("WALL", null, "wall", List.of(FIGURES)));
        for (Sample sample : samples) {
            String username = unique(sample.role().toLowerCase().replace('_', '-'));
            create(username, sample.role(), sample.unit());
            TokenResponse first = loggedIn(username, INITIAL);
            assertThat(claims(first.accessToken()).get("pwd_change").asBoolean()).as(username).isTrue();
            String demo = token(http, sample.demoUser());
            for (String route : sample.routes()) {
                get(demo, route).expectStatus().isOk();
                isPasswordChangeRequired(get(first.accessToken(), route));
            }
            isPasswordChangeRequired(get(first.accessToken(), "/api/v1/users"));
            isPasswordChangeRequired(http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(first.accessToken()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange());

            TokenResponse refreshed = refresh(first.refreshToken()).expectStatus().isOk()
                    .expectBody(TokenResponse.class).returnResult().getResponseBody();
            assertThat(claims(refreshed.accessToken()).get("pwd_change").asBoolean()).isTrue();
            isPasswordChangeRequired(get(refreshed.accessToken(), sample.routes().getFirst()));

            TokenResponse fresh = changed(refreshed.accessToken(), INITIAL, CHOSEN);
            assertThat(claims(fresh.accessToken()).has("pwd_change")).isFalse();
            for (String route : sample.routes()) {
                get(fresh.accessToken(), route).expectStatus().isOk();
            }
            assertThat(claims(loggedIn(username, CHOSEN).accessToken()).has("pwd_change")).isFalse();
            get(first.accessToken(), sample.routes().getFirst()).expectStatus().isForbidden();
        }
    }

    @Test
    void passwordResetByAnAdministratorThenRequiredAgainButNotWhenTheAdministratorResetsTheirOwn() {
        String username = unique("agent");
        UserView user = create(username, "AGENT", null);
        changed(loggedIn(username, INITIAL).accessToken(), INITIAL, CHOSEN);
        get(loggedIn(username, CHOSEN).accessToken(), "/api/v1/tickets").expectStatus().isOk();

        http.post().uri("/api/v1/users/" + user.id() + "/password").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new PasswordReset("Reset-by-admin-55")).exchange().expectStatus().isNoContent();
        TokenResponse afterReset = loggedIn(username, "Reset-by-admin-55");
        isPasswordChangeRequired(get(afterReset.accessToken(), "/api/v1/tickets"));
        changed(afterReset.accessToken(), "Reset-by-admin-55", "Back-to-mine-66");

        // An administrator resetting their own password chose it themselves: not required to change it again.
        UUID admin = DemoOrganisation.idOf("admin");
        String seeded = db.sql("select password_hash from app_user where id = :id").bind("id", admin)
                .map(r -> r.get("password_hash", String.class)).one().block();
        try {
            http.post().uri("/api/v1/users/" + admin + "/password").headers(h -> h.setBearerAuth(token(http, "admin")))
                    .bodyValue(new PasswordReset("Own-reset-by-me-44")).exchange().expectStatus().isNoContent();
            TokenResponse own = loggedIn("admin", "Own-reset-by-me-44");
            assertThat(claims(own.accessToken()).has("pwd_change")).isFalse();
            get(own.accessToken(), "/api/v1/users").expectStatus().isOk();
        } finally {
            // Other tests sign in as admin with the demo password, which the rules would not accept as a new one.
            db.sql("update app_user set password_hash = :hash where id = :id").bind("hash", seeded).bind("id", admin)
                    .then().block();
        }
        login("admin", DemoOrganisation.passwordOf("admin")).expectStatus().isOk();
    }

    @Test
    void rsocketRequestWithATokenThatRequiresTheChangeThenRejectedAndAfterTheChangeServed() {
        String username = unique("supervisor");
        create(username, "SUPERVISOR", null);
        TokenResponse first = loggedIn(username, INITIAL);

        StepVerifier.create(callbackTasks(token(http, "supervisor1")).take(1)).expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(callbackTasks(first.accessToken()))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).startsWith("password-change-required: "))
                .verify(Duration.ofSeconds(15));

        TokenResponse fresh = changed(first.accessToken(), INITIAL, CHOSEN);
        StepVerifier.create(callbackTasks(fresh.accessToken()).take(1)).expectNextCount(1)
                .verifyComplete();
    }

    private reactor.core.publisher.Flux<CallbackStreamItem> callbackTasks(String bearer) {
        RSocketRequester requester = requesters
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()))
                .setupMetadata(new BearerTokenMetadata(bearer), AUTHENTICATION)
                .tcp("127.0.0.1", rsocketPort);
        opened.add(requester);
        return requester.route("callbacks.tasks").retrieveFlux(CallbackStreamItem.class);
    }
}
