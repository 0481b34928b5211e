package com.hotlineops.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.security.FailedAttempts;
import com.hotlineops.core.useradmin.UserAdministration;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Login throttling on {@code POST /mobile/v1/auth/login} (decision 0037), through the same core service and table as
 * the backend, on real PostgreSQL, with small limits (3 per username, 6 per address in 15 minutes) and the loopback
 * trusted as a proxy, so each test is counted under addresses of its own (X-Forwarded-For).
 */
@TestPropertySource(properties = {"hotline.security.login.max-failures-per-username=3",
        "hotline.security.login.max-failures-per-address=6", "hotline.security.login.window=15m",
        "hotline.security.login.trusted-proxies=127.0.0.1,::1"})
class LoginThrottleIntegrationTests extends MobileApiIntegrationTestSupport {

    private static final String PASSWORD = "Initial-pass-2026";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserAdministration administration;
    @Autowired
    MeterRegistry meters;

    private String worker() {
        String username = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        administration.create(new NewUser(username, "新网格员", List.of("GRID_WORKER"), null,
                DemoOrganisation.idOf(DemoOrganisation.GRID_CHENGGUAN_1), PASSWORD), actor("admin")).block(TIMEOUT);
        return username;
    }

    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private WebTestClient.ResponseSpec login(String username, String password, String from) {
        return http().post().uri("/mobile/v1/auth/login").header("X-Forwarded-For", from)
                .bodyValue(TokenRequest.password(username, password)).exchange();
    }

    private static long retryAfter(WebTestClient.ResponseSpec throttled, String detail) {
        EntityExchangeResult<byte[]> result = throttled.expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:hotline-ops:problem:too-many-logins")
                .jsonPath("$.code").isEqualTo("too-many-logins")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith(detail))
                .returnResult();
        return Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private long failures(String username) {
        return db.sql("select count(*) as n from failed_attempt where scope = 'LOGIN_USERNAME' and subject = :s")
                .bind("s", FailedAttempts.digest(username)).map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
    }

    private double logins(String outcome) {
        return meters.get("hotline.auth.logins").tag("outcome", outcome).counter().count();
    }

    @Test
    void threeWrongPasswordsThenEvenTheRightOneIs429WithRetryAfterUntilTheWindowPasses() {
        String username = worker();
        String from = address();
        for (int i = 0; i < 3; i++) {
            login(username, "Wrong-guess-" + i, from).expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
        }
        assertThat(retryAfter(login(username, PASSWORD, from), "Too many failed logins for this username"))
                .isBetween(890L, 900L);
        db.sql("update failed_attempt set attempted_at = attempted_at - interval '15 minutes' "
                        + "where scope = 'LOGIN_USERNAME' and subject = :s")
                .bind("s", FailedAttempts.digest(username)).then().block(TIMEOUT);
        login(username, PASSWORD, from).expectStatus().isOk();
    }

    @Test
    void unknownUsernameIsCountedAndAnsweredExactlyLikeAnExistingOne() {
        List<String> answers = new ArrayList<>();
        for (String username : List.of(worker(), "worker-" + UUID.randomUUID().toString().substring(0, 8))) {
            String from = address();
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                EntityExchangeResult<byte[]> result = login(username, "Wrong-guess-" + i, from).expectBody()
                        .returnResult();
                JsonNode body = JSON.readTree(result.getResponseBodyContent());
                seen.append(result.getStatus().value()).append(' ').append(body.path("code").asString())
                        .append(' ').append(body.path("detail").asString().replaceAll("\\d+ seconds", "N seconds"))
                        .append(" retry-after:").append(result.getResponseHeaders().containsHeader("Retry-After"))
                        .append('\n');
            }
            answers.add(seen.toString());
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).contains("401 unauthorized").contains("429 too-many-logins");
    }

    @Test
    void successfulLoginForgetsTheUsernamesFailures() {
        String username = worker();
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
    void deskUsersRightPasswordOnThePhoneCountsAsAFailureSoTheRouteIsNoPasswordOracle() {
        forgetFailures("dispatcher1");
        String from = address();
        double bad = logins("bad_credentials");
        login("dispatcher1", DemoOrganisation.passwordOf("dispatcher1"), from).expectStatus().isUnauthorized();
        assertThat(failures("dispatcher1")).isEqualTo(1);
        assertThat(logins("bad_credentials") - bad).isEqualTo(1);
        forgetFailures("dispatcher1");
    }

    /** The seeded desk user other test classes of this JVM use too, with its count as it was before. */
    private void forgetFailures(String username) {
        db.sql("delete from failed_attempt where scope = 'LOGIN_USERNAME' and subject = :s")
                .bind("s", FailedAttempts.digest(username)).then().block(TIMEOUT);
    }

    @Test
    void sixFailuresFromOneAddressThenEveryLoginFromItIs429ButOtherAddressesAreServed() {
        String username = worker();
        String from = address();
        for (int i = 0; i < 6; i++) {
            login("worker-" + UUID.randomUUID().toString().substring(0, 8), "Wrong-guess", from)
                    .expectStatus().isUnauthorized();
        }
        retryAfter(login(username, PASSWORD, from), "Too many failed logins from this address");
        login(username, PASSWORD, address()).expectStatus().isOk();
    }

    @Test
    void thirtyWrongPasswordsAtOnceThenOnlyThreeReachThePasswordCheck() throws Exception {
        String username = worker();
        double badBefore = logins("bad_credentials");
        double throttledBefore = logins("throttled");
        double okBefore = logins("ok");
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
        assertThat(statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .isEqualTo(Map.of(401, 3L, 429, 27L));
        assertThat(failures(username)).isEqualTo(3);
        assertThat(logins("bad_credentials") - badBefore).isEqualTo(3);
        assertThat(logins("throttled") - throttledBefore).isEqualTo(27);
        assertThat(logins("ok") - okBefore).isZero();
    }
}
