package com.hotlineops.server;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.local.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the backend's integration tests: the whole app on random ports against real PostgreSQL and Redis
 * ({@link TestServices}: embedded by default, a fresh database and key prefix per test JVM), with the demo
 * organisation seeded. Every test class reaches the app through {@link #http}, its database through {@link #db} and
 * reads JSON with the app's own {@link #json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.rsocket.server.port=0", "hotline.demo.enabled=true",
                "hotline.webhooks.initial-backoff=200ms", "hotline.webhooks.poll-interval=200ms",
                "hotline.metrics.token=" + BackendIntegrationTest.METRICS_TOKEN})
@AutoConfigureWebTestClient
public abstract class BackendIntegrationTest {

    /** The scrape credential Prometheus would present ({@code HOTLINE_METRICS_TOKEN}, decision 0030). */
    protected static final String METRICS_TOKEN = "test-scrape-credential-0123456789abcdef";

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.get().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    protected static String token(WebTestClient http, String username) {
        TokenResponse response = http.post().uri("/api/v1/auth/token")
                .bodyValue(TokenRequest.password(username, DemoOrganisation.passwordOf(username)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(TokenResponse.class)
                .returnResult().getResponseBody();
        return response.accessToken();
    }

}
