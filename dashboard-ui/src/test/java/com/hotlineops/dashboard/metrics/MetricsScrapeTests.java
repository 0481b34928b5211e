package com.hotlineops.dashboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.dashboard.live.FakeWallBackend;
import com.hotlineops.dashboard.wall.WallView;
import com.hotlineops.testsupport.PrometheusScrape;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/prometheus} of the dashboard as Prometheus scrapes it (decision 0030), on a real server fed by a
 * fake of the backend's stream with a wall view attached: the live wall's {@code hotline_ui_*} series follow the
 * frames and the link; without the scrape credential nobody reads them, and the credential opens no console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hotline.metrics.token=" + MetricsScrapeTests.METRICS_TOKEN)
@DirtiesContext
@ViewPackages(classes = WallView.class)
class MetricsScrapeTests extends SpringBrowserlessTest {

    static final String METRICS_TOKEN = "test-scrape-credential-0123456789abcdef";
    private static final String PATH = "/actuator/prometheus";
    private static final FakeWallBackend backend = FakeWallBackend.start();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", backend::httpPort);
        registry.add("hotline.backend.rsocket-port", backend::rsocketPort);
        registry.add("hotline.backend.reconnect-first-backoff", () -> "100ms");
        registry.add("hotline.backend.reconnect-max-backoff", () -> "500ms");
        registry.add("hotline.wall.kiosk-token", () -> "kiosk-test");
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", PrometheusScrape.ACCEPT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusScrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(PATH, METRICS_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        return PrometheusScrape.parse(response.body());
    }

    private double value(String name) throws IOException, InterruptedException {
        return scrape().sum(name, Map.of());
    }

    @Test
    void scrapeWithTheCredentialWhileAWallWatchesThenLiveWallSeriesFollowFramesAndLink() throws Exception {
        UI.getCurrent().navigate("wall", QueryParameters.of("token", "kiosk-test"));
        assertThat(getCurrentView()).isInstanceOf(WallView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> value("hotline_ui_stream_connected") == 1);
        double received = value("hotline_ui_frames_received_total");
        backend.emit(120, 110);
        await().atMost(Duration.ofSeconds(10)).until(() -> value("hotline_ui_frames_received_total") > received);

        PrometheusScrape live = scrape();
        assertThat(live.names("hotline_")).containsExactlyInAnyOrder("hotline_ui_walls_attached",
                "hotline_ui_frames_received_total", "hotline_ui_stream_connected", "hotline_ui_frame_age_seconds");
        assertThat(live.samples().stream().filter(s -> s.name().startsWith("hotline_")))
                .as("every series says which app it is from")
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("application", "hotline-dashboard-ui"));
        assertThat(live.sum("hotline_ui_walls_attached", Map.of())).isEqualTo(1);
        assertThat(live.sum("hotline_ui_frame_age_seconds", Map.of())).isBetween(0.0, 5.0);

        backend.stopRSocket();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> value("hotline_ui_stream_connected") == 0);
        } finally {
            backend.restartRSocket();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> value("hotline_ui_stream_connected") == 1);
    }

    @Test
    void scrapeWithoutTokenThenUnauthorized() throws Exception {
        HttpResponse<String> response = get(PATH, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).doesNotContain("hotline_");
    }

    @Test
    void scrapeWithAWrongCredentialThenUnauthorized() throws Exception {
        assertThat(get(PATH, METRICS_TOKEN.replace('0', '1')).statusCode()).isEqualTo(401);
    }

    @Test
    void scrapeCredentialOnAConsoleThenNoSignIn() throws Exception {
        HttpResponse<String> console = get("/", METRICS_TOKEN);

        assertThat(console.statusCode()).as("sent to the login as without it").isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }
}
