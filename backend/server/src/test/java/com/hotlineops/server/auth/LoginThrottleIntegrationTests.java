package com.hotlineops.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.UserChange;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.core.security.FailedAttempts;
import com.hotlineops.server.BackendIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Login throttling on {@code POST /api/v1/auth/token} (decision 0037), on real PostgreSQL, with small limits (3 per
 * username, 6 per address in 15 minutes) and the loopback trusted as a proxy, so each test is counted under addresses
 * of its own, given in X-Forwarded-For, and never under the one every other test logs in from.
 */
@TestPropertySource(properties = {"hotline.security.login.max-failures-per-username=3",
        "hotline.security.login.max-failures-per-address=6", "hotline.security.login.window=15m",
        "hotline.security.login.trusted-proxies=127.0.0.1,::1"})
class LoginThrottleIntegrationTests extends BackendIntegrationTest {

    private static final String PASSWORD = "Initial-pass-2026";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MeterRegistry meters;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A documentation-range address no other test uses. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private UserView create(String username) {
        return http.post().uri("/api/v1/users").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new NewUser(username, "测试用户", List.of("AGENT"), null, null, PASSWORD))
                .exchange().expectStatus().isCreated().expectBody(UserView.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec login(String username, String password, String from) {
        return http.post().uri("/api/v1/auth/token").header("X-Forwarded-For", from)
                .bodyValue(TokenRequest.password(username, password)).exchange();
    }

    private static long retryAfter(WebTestClient.ResponseSpec throttled, String detail) {
        EntityExchangeResult<byte[]> result = throttled.expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:too-many-logins")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith(detail))
                .returnResult();
        return Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private void ageFailures(String username, String interval) {
        db.sql("update failed_attempt set attempted_at = attempted_at - cast(:by as interval) "
                        + "where scope = 'LOGIN_USERNAME' and subject = :subject")
                .bind("by", interval).bind("subject", FailedAttempts.digest(username)).then().block();
    }

    private long failures(String username) {
        return db.sql("select count(*) as n from failed_attempt where scope = 'LOGIN_USERNAME' and subject = :s")
                .bind("s", FailedAttempts.digest(username)).map(r -> r.get("n", Long.class)).one().block();
    }

    private double logins(String outcome) {
        return meters.get("hotline.auth.logins").tag("outcome", outcome).counter().count();
    }

    // --- per username -----------------------------------------------------------------------------------------------

    @Test
    void threeWrongPasswordsThenEvenTheRightOneIs429WithRetryAfterUntilTheWindowPasses() {
        String username = unique("agent");
        create(username);
        String from = address();
        for (int i = 0; i < 3; i++) {
            login(username, "Wrong-guess-" + i, from).expectStatus().isUnauthorized();
        }
        long wait = retryAfter(login(username, PASSWORD, from), "Too many failed logins for this username");
        assertThat(wait).isBetween(890L, 900L);
        // Throttled attempts are not failures of their own: the wait does not grow with them.
        retryAfter(login(username, "Wrong-guess-again", address()), "Too many failed logins for this username");
        assertThat(failures(username)).isEqualTo(3);

        // Fourteen minutes later the oldest failure is still in the window; fifteen minutes later it is not.
        ageFailures(username, "14 minutes");
        assertThat(retryAfter(login(username, PASSWORD, from), "Too many")).isBetween(1L, 60L);
        ageFailures(username, "1 minute");
        login(username, PASSWORD, from).expectStatus().isOk();
    }

    @Test
    void unknownUsernameIsCountedAndAnsweredExactlyLikeAnExistingOne() {
        String existing = unique("agent");
        create(existing);
        String nobody = unique("agent");
        List<String> answers = new ArrayList<>();
        for (String username : List.of(existing, nobody)) {
            String from = address();
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                EntityExchangeResult<byte[]> result = login(username, "Wrong-guess-" + i, from).expectBody()
                        .returnResult();
                JsonNode body = json.readTree(result.getResponseBodyContent());
                seen.append(result.getStatus().value()).append(' ').append(body.path("type").asString())
                        .append(' ').append(body.path("title").asString()).append(' ')
                        .append(body.path("detail").asString().replaceAll("\\d+ seconds", "N seconds"))
                        .append(" retry-after:").append(result.getResponseHeaders().containsHeader("Retry-After"))
                        .append('\n');
            }
            answers.add(seen.toString());
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).contains("401").contains("429 urn:hotline-ops:problem:too-many-logins");
        assertThat(failures(nobody)).isEqualTo(3);
    }

    @Test
    void successfulLoginForgetsTheUsernamesFailures() {
        String username = unique("agent");
        create(username);
        String from = address();
        login(username, "Wrong-guess-1", from).expectStatus().isUnauthorized();
        login(username, "Wrong-guess-2", from).expectStatus().isUnauthorized();
        login(username, PASSWORD, from).expectStatus().isOk();
        assertThat(failures(username)).isZero();
        login(username, "Wrong-guess-3", from).expectStatus().isUnauthorized();
        login(username, "Wrong-guess-4", from).expectStatus().isUnauthorized();
        login(username, PASSWORD, from).expectStatus().isOk();
    }

    @Test
    void disabledAccountsFailuresCountLikeAWrongPassword() {
        String username = unique("agent");
        UserView user = create(username);
        http.post().uri("/api/v1/users/{id}/disable", user.id()).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk();
        String from = address();
        for (int i = 0; i < 3; i++) {
            login(username, PASSWORD, from).expectStatus().isUnauthorized();
        }
        retryAfter(login(username, PASSWORD, from), "Too many failed logins for this username");
    }

    // --- per address ------------------------------------------------------------------------------------------------

    @Test
    void sixFailuresFromOneAddressThenEveryLoginFromItIs429ButOtherAddressesAreServed() {
        String username = unique("agent");
        create(username);
        String from = address();
        for (int i = 0; i < 6; i++) {
            login(unique("guess"), "Wrong-guess", from).expectStatus().isUnauthorized();
        }
        retryAfter(login(username, PASSWORD, from), "Too many failed logins from this address");
        login(username, PASSWORD, address()).expectStatus().isOk();
    }

    @Test
    void successFromAnAddressDoesNotForgetItsFailures() {
        String username = unique("agent");
        create(username);
        String from = address();
        for (int i = 0; i < 5; i++) {
            login(unique("guess"), "Wrong-guess", from).expectStatus().isUnauthorized();
        }
        login(username, PASSWORD, from).expectStatus().isOk();
        login(unique("guess"), "Wrong-guess", from).expectStatus().isUnauthorized();
        retryAfter(login(username, PASSWORD, from), "Too many failed logins from this address");
    }

    @Test
    void forwardedForIsReadFromTheRightSoAnAddressTheClientWroteItselfIsNotBelieved() {
        String username = unique("agent");
        create(username);
        String from = address();
        for (int i = 0; i < 6; i++) {
            // The client claims a fresh address each time; the trusted proxy appended the real one.
            login(unique("guess"), "Wrong-guess", address() + ", " + from).expectStatus().isUnauthorized();
        }
        retryAfter(login(username, PASSWORD, address() + ", " + from), "Too many failed logins from this address");
    }

    // --- concurrency ------------------------------------------------------------------------------------------------

    @Test
    void thirtyWrongPasswordsAtOnceThenOnlyThreeReachThePasswordCheck() throws Exception {
        String username = unique("agent");
        create(username);
        double badBefore = logins("bad_credentials");
        double throttledBefore = logins("throttled");
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String guess = "Wrong-guess-" + i;
            String from = address();
            guesses.add(() -> login(username, guess, from).returnResult(byte[].class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (Future<Integer> status : pool.invokeAll(guesses)) {
                statuses.add(status.get());
            }
        }
        Map<Integer, Long> byStatus = statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of(401, 3L, 429, 27L));
        assertThat(failures(username)).isEqualTo(3);
        assertThat(logins("bad_credentials") - badBefore).isEqualTo(3);
        assertThat(logins("throttled") - throttledBefore).isEqualTo(27);
    }

    // --- metrics ----------------------------------------------------------------------------------------------------

    @Test
    void everyLoginIsCountedByOutcome() {
        String username = unique("agent");
        create(username);
        String from = address();
        double ok = logins("ok");
        double bad = logins("bad_credentials");
        double throttled = logins("throttled");
        login(username, PASSWORD, from).expectStatus().isOk();
        for (int i = 0; i < 3; i++) {
            login(username, "Wrong-guess-" + i, from).expectStatus().isUnauthorized();
        }
        login(username, PASSWORD, from).expectStatus().isEqualTo(429);
        assertThat(logins("ok") - ok).isEqualTo(1);
        assertThat(logins("bad_credentials") - bad).isEqualTo(3);
        assertThat(logins("throttled") - throttled).isEqualTo(1);
        String scrape = http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(METRICS_TOKEN))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("hotline_auth_logins_total{").contains("outcome=\"throttled\"");
    }

    // --- administration ---------------------------------------------------------------------------------------------

    private UserView listed(String username) {
        UserPage page = http.get().uri(u -> u.path("/api/v1/users").queryParam("q", username).build())
                .headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk().expectBody(UserPage.class).returnResult().getResponseBody();
        assertThat(page.items()).hasSize(1);
        return page.items().getFirst();
    }

    private WebTestClient.ResponseSpec unlock(UUID id, String as) {
        return http.post().uri("/api/v1/users/{id}/unlock", id).headers(h -> h.setBearerAuth(token(http, as)))
                .exchange();
    }

    @Test
    void userListSaysWhetherThePasswordMustBeChangedAndWhetherLoginsAreThrottled() {
        String username = unique("agent");
        UserView user = create(username);
        assertThat(user.passwordChangeRequired()).isTrue();
        assertThat(user.throttledUntil()).isNull();
        String from = address();
        for (int i = 0; i < 3; i++) {
            login(username, "Wrong-guess-" + i, from).expectStatus().isUnauthorized();
        }
        UserView throttled = listed(username);
        assertThat(throttled.passwordChangeRequired()).isTrue();
        assertThat(throttled.throttledUntil()).isBetween(Instant.now().plusSeconds(800), Instant.now().plusSeconds(901));
        UserView seeded = listed("agent1");
        assertThat(seeded.passwordChangeRequired()).isFalse();
        assertThat(seeded.throttledUntil()).isNull();
    }

    @Test
    void administratorUnlocksAThrottledAccountThenItLogsInAtOnceAndTheUnlockIsRecordedOnce() {
        String username = unique("agent");
        UserView user = create(username);
        String from = address();
        for (int i = 0; i < 3; i++) {
            login(username, "Wrong-guess-" + i, from).expectStatus().isUnauthorized();
        }
        login(username, PASSWORD, from).expectStatus().isEqualTo(429);

        unlock(user.id(), "supervisor1").expectStatus().isForbidden();
        login(username, PASSWORD, from).expectStatus().isEqualTo(429);

        UserView unlocked = unlock(user.id(), "admin").expectStatus().isOk().expectBody(UserView.class)
                .returnResult().getResponseBody();
        assertThat(unlocked.throttledUntil()).isNull();
        assertThat(unlock(user.id(), "admin").expectStatus().isOk().expectBody(UserView.class).returnResult()
                .getResponseBody().throttledUntil()).isNull();
        login(username, PASSWORD, from).expectStatus().isOk();

        List<UserChange> changes = http.get().uri("/api/v1/users/{id}/changes", user.id())
                .headers(h -> h.setBearerAuth(token(http, "admin"))).exchange().expectStatus().isOk()
                .expectBody(UserChangePage.class).returnResult().getResponseBody().items();
        List<UserChange> unlocks = changes.stream().filter(c -> c.type().equals("UNLOCKED")).toList();
        assertThat(unlocks).hasSize(1);
        assertThat(unlocks.getFirst().actor()).isEqualTo("admin");
        assertThat(unlocks.getFirst().changes()).containsKey("throttled");

        unlock(UUID.randomUUID(), "admin").expectStatus().isNotFound();
    }
}
