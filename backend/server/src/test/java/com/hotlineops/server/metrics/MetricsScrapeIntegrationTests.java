package com.hotlineops.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.server.partner.PartnerFixtures;
import com.hotlineops.testsupport.PrometheusScrape;
import com.sun.net.httpserver.HttpServer;
import io.rsocket.metadata.WellKnownMimeType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeTypeUtils;
import reactor.core.Disposable;

/**
 * {@code /actuator/prometheus} as Prometheus scrapes it (decision 0030): with the scrape credential as its bearer
 * token and its Accept header, after real traffic — CTI events, a partner's ticket whose callback is refused once, a
 * wall on {@code wall.frames} — the {@code hotline_*} series of every feature are there and moved; without the
 * credential (or with a user's token) the metrics stay closed, and the credential opens nothing else.
 */
class MetricsScrapeIntegrationTests extends BackendIntegrationTest {

    private static final String PATH = "/actuator/prometheus";

    @Autowired
    RSocketRequester.Builder requesters;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private HttpServer partner;
    private final AtomicInteger refusals = new AtomicInteger(1);
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private RSocketRequester wall;

    @BeforeEach
    void partnerEndpointRefusingTheFirstCallback() throws IOException {
        partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        partner.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int answer = refusals.getAndDecrement() > 0 ? 503 : 204;
            answers.add(answer);
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        partner.start();
    }

    @AfterEach
    void stop() {
        partner.stop(0);
        if (wall != null) {
            wall.dispose();
        }
    }

    private PrometheusScrape scrape() {
        String body = http.get().uri(PATH)
                .header(HttpHeaders.ACCEPT, PrometheusScrape.ACCEPT)
                .headers(h -> h.setBearerAuth(METRICS_TOKEN))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/openmetrics-text")
                .expectBody(String.class).returnResult().getResponseBody();
        return PrometheusScrape.parse(body);
    }

    private void postCtiEvents() {
        String callId = UUID.randomUUID().toString();
        Instant t = Instant.now().minusSeconds(30);
        String ndjson = """
                {"eventId":"%1$s-1","type":"CALL_OFFERED","callId":"%1$s","queue":"GENERAL","occurredAt":"%2$s"}
                {"eventId":"%1$s-2","type":"CALL_ANSWERED","callId":"%1$s","queue":"GENERAL","occurredAt":"%3$s"}
                """.formatted(callId, t, t.plusSeconds(9));
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson)
                .exchange().expectStatus().isOk();
    }

    private String partnerTicket() {
        String name = PartnerFixtures.uniqueName("metrics");
        PartnerCredentials credentials = PartnerFixtures.register(http, token(http, "admin"), name,
                List.of(Channel.CITY_APP), "http://127.0.0.1:" + partner.getAddress().getPort() + "/hook");
        http.post().uri("/api/v1/intake").header("X-Api-Key", credentials.apiKey())
                .bodyValue(new IntakeRequest(Channel.CITY_APP, "m-" + UUID.randomUUID(),
                        new Citizen("钱七", "13900004444"), "井盖缺失", "文化路口井盖缺失", "0101", "文化路", null, null))
                .exchange().expectStatus().isCreated();
        return name;
    }

    private List<WallFrame> watchWall(Disposable[] subscription) {
        List<WallFrame> frames = new CopyOnWriteArrayList<>();
        wall = requesters
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()))
                .setupMetadata(new BearerTokenMetadata(token(http, "wall")),
                        MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()))
                .tcp("127.0.0.1", rsocketPort);
        subscription[0] = wall.route("wall.frames").retrieveFlux(WallFrame.class).subscribe(frames::add);
        return frames;
    }

    @Test
    void scrapeWithTheCredentialAfterTrafficThenEveryFeatureHasItsSeriesAndTheyMoved() {
        PrometheusScrape before = scrape();
        Disposable[] subscription = new Disposable[1];
        List<WallFrame> frames = watchWall(subscription);
        postCtiEvents();
        String partnerName = partnerTicket();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() >= 2
                && frames.stream().anyMatch(f -> f.kind() == FrameKind.UPDATE));

        Map<String, String> byPartner = Map.of("partner", partnerName);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            assertThat(now.sum("hotline_webhook_deliveries_total", Map.of("partner", partnerName,
                    "outcome", "retried"))).isEqualTo(1);
            assertThat(now.sum("hotline_webhook_deliveries_total", Map.of("partner", partnerName,
                    "outcome", "delivered"))).isEqualTo(1);
            assertThat(now.samples("hotline_webhook_pending", byPartner)).singleElement()
                    .satisfies(s -> assertThat(s.value()).isZero());
        });
        PrometheusScrape after = scrape();

        assertThat(after.names("hotline_")).contains(
                "hotline_outbox_relayed_total", "hotline_outbox_relay_leader", "hotline_outbox_pending",
                "hotline_outbox_oldest_age_seconds", "hotline_stream_entries_read_total",
                "hotline_stream_follow_errors_total", "hotline_stream_resyncs_total", "hotline_wall_subscribers",
                "hotline_wall_frames_published_total", "hotline_wall_frame_build_seconds_count",
                "hotline_wall_frame_build_seconds_bucket", "hotline_sla_crossings_total", "hotline_task_runs_total",
                "hotline_task_last_success_age_seconds", "hotline_webhook_deliveries_total",
                "hotline_webhook_pending");
        assertThat(after.samples().stream().filter(s -> s.name().startsWith("hotline_")))
                .as("every series says which app it is from")
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("application", "hotline-backend"));
        assertThat(after.sum("hotline_stream_entries_read_total", Map.of()))
                .isGreaterThan(before.sum("hotline_stream_entries_read_total", Map.of()));
        assertThat(after.sum("hotline_wall_subscribers", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("hotline_wall_frames_published_total", Map.of("kind", "SNAPSHOT")))
                .isGreaterThan(before.sum("hotline_wall_frames_published_total", Map.of("kind", "SNAPSHOT")));
        assertThat(after.sum("hotline_wall_frames_published_total", Map.of("kind", "UPDATE")))
                .isGreaterThan(before.sum("hotline_wall_frames_published_total", Map.of("kind", "UPDATE")));
        assertThat(after.sum("hotline_wall_frame_build_seconds_count", Map.of()))
                .isGreaterThan(before.sum("hotline_wall_frame_build_seconds_count", Map.of()));
        assertThat(after.samples("hotline_outbox_oldest_age_seconds", Map.of())).singleElement()
                .satisfies(s -> assertThat(s.value()).isBetween(0.0, 30.0));
        assertThat(after.samples("hotline_task_last_success_age_seconds", Map.of("task", "sla-sweeper")))
                .singleElement().satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0.0));
        assertThat(after.sum("hotline_task_runs_total", Map.of("task", "backlog-sampler", "outcome", "success")))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.samples("hotline_stream_resyncs_total", Map.of("reader", "wall"))).hasSize(1);
        // The request metrics behind the dashboard's CTI panels, with the latency buckets it reads.
        Map<String, String> cti = Map.of("uri", "/api/v1/cti/events", "method", "POST", "status", "200");
        assertThat(after.sum("http_server_requests_seconds_count", cti))
                .isGreaterThan(before.sum("http_server_requests_seconds_count", cti));
        assertThat(after.samples("http_server_requests_seconds_bucket", cti))
                .extracting(s -> s.labels().get("le")).contains("0.5", "+Inf");

        subscription[0].dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().sum("hotline_wall_subscribers", Map.of())
                == after.sum("hotline_wall_subscribers", Map.of()) - 1);
    }

    @Test
    void scrapeWithoutTokenThenUnauthorizedProblem() {
        http.get().uri(PATH).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void scrapeWithAWrongCredentialThenUnauthorized() {
        http.get().uri(PATH).headers(h -> h.setBearerAuth(METRICS_TOKEN.replace('0', '1'))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void scrapeWithASupervisorsTokenThenForbidden() {
        http.get().uri(PATH).headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void scrapeWithAnAdministratorsTokenThenAllowedAsBefore() {
        http.get().uri(PATH).headers(h -> h.setBearerAuth(token(http, "admin"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void scrapeCredentialOnAnyOtherRouteThenUnauthorized() {
        for (String route : List.of("/api/v1/org/units", "/api/v1/categories", "/actuator/info",
                "/api/v1/admin/partners")) {
            http.get().uri(route).headers(h -> h.setBearerAuth(METRICS_TOKEN)).exchange()
                    .expectStatus().isUnauthorized();
        }
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
