package com.hotlineops.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.local.EmbeddedServices;
import com.hotlineops.server.BackendApplication;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * DESIGN.md §3 faults: with PostgreSQL gone, commands answer a 503 problem quickly instead of hanging, and the
 * backend stays up. Runs its own PostgreSQL (so stopping it touches no other test) and its own backend.
 */
class DatabaseOutageIntegrationTests {

    @Test
    void postgresDownThenIntakeAnswers503ProblemQuicklyAndTheAppStaysUp() {
        Assumptions.assumeTrue(System.getenv("HOTLINE_TEST_DB_HOST") == null,
                "needs an embedded PostgreSQL it may stop");
        try (EmbeddedServices services = EmbeddedServices.forTests()) {
            Map<String, Object> properties = new HashMap<>(services.springProperties());
            properties.put("server.port", "0");
            properties.put("spring.rsocket.server.port", "0");
            properties.put("hotline.demo.enabled", "true");
            // As command-line arguments: they outrank application.yaml, default properties would not.
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BackendApplication.class)
                    .run(args)) {
                WebTestClient http = WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
                String token = http.post().uri("/api/v1/auth/token")
                        .bodyValue(TokenRequest.password("agent1", "agent1-demo"))
                        .exchange().expectStatus().isOk()
                        .expectBody(TokenResponse.class).returnResult().getResponseBody().accessToken();
                IntakeRequest request = new IntakeRequest(Channel.HOTLINE, null, new Citizen(null, "13800001111"),
                        "路灯不亮", "小区门口路灯坏了", null, null, null, false);
                http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token)).bodyValue(request)
                        .exchange().expectStatus().isCreated();

                services.stopPostgres();

                long start = System.nanoTime();
                http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token)).bodyValue(request)
                        .exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("nothing"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
                http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            }
        }
    }
}
