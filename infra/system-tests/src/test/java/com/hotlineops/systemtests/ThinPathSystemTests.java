package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.local.LocalSystem;
import io.rsocket.metadata.WellKnownMimeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton's thin path across processes: a ticket taken in by the backend's intake is dispatched to a
 * township grid, reaches the grid worker's phone feed on mobile-api over RSocket/WebSocket, is accepted and finished
 * from the phone, and the wall's open-ticket figures on the backend's RSocket stream follow every step.
 */
class ThinPathSystemTests {

    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());
    private static final RSocketStrategies STRATEGIES = RSocketStrategies.builder()
            .encoders(e -> {
                e.add(new JacksonJsonEncoder());
                e.add(new BearerTokenAuthenticationEncoder());
            })
            .decoders(d -> d.add(new JacksonJsonDecoder()))
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private RSocketRequester wall;
    private RSocketRequester phone;

    @AfterEach
    void close() {
        if (wall != null) {
            wall.dispose();
        }
        if (phone != null) {
            phone.dispose();
        }
    }

    @Test
    void ticketFromIntakeReachesGridWorkerWhoAcceptsAndFinishesWhileWallFollows() throws Exception {
        LocalSystem system = RunningSystem.get();
        wall = RSocketRequester.builder().rsocketStrategies(STRATEGIES)
                .setupMetadata(new BearerTokenMetadata(RunningSystem.backendToken("wall")), AUTHENTICATION)
                .tcp("127.0.0.1", system.ports().backendRsocket());
        Flux<WallFrame> frames = wall.route("wall.frames").retrieveFlux(WallFrame.class).replay().autoConnect();
        WallFrame before = frames.blockFirst(Duration.ofSeconds(15));

        String workerToken = RunningSystem.token(system.mobile(), "/mobile/v1/auth/login", "worker1");
        phone = RSocketRequester.builder().rsocketStrategies(STRATEGIES)
                .setupMetadata(new BearerTokenMetadata(workerToken), AUTHENTICATION)
                .websocket(URI.create("ws://127.0.0.1:" + system.ports().mobile() + "/rsocket"));
        Flux<FeedItem> feed = phone.route("mobile.feed").data(new FeedRequest(null)).retrieveFlux(FeedItem.class)
                .replay().autoConnect();
        StepVerifier.create(feed.filter(i -> i.kind() == FeedItemKind.LIVE).next())
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(15));

        UUID ticketId = intakeAndDispatch(system);

        StepVerifier.create(feed.filter(i -> i.kind() == FeedItemKind.OFFERED && i.ticket().id().equals(ticketId))
                        .next())
                .assertNext(i -> {
                    assertThat(i.ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
                    assertThat(i.ticket().citizenPhoneMasked()).isEqualTo("139****0000");
                    assertThat(i.cursor()).isNotBlank();
                })
                .expectComplete().verify(Duration.ofSeconds(15));

        CommandResult accepted = phone.route("mobile.accept")
                .data(new TicketCommand(UUID.randomUUID(), ticketId, null))
                .retrieveMono(CommandResult.class).block(Duration.ofSeconds(15));
        assertThat(accepted.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);

        CommandResult finished = phone.route("mobile.finish")
                .data(new TicketCommand(UUID.randomUUID(), ticketId, "已清理完毕，现场已恢复"))
                .retrieveMono(CommandResult.class).block(Duration.ofSeconds(15));
        assertThat(finished.ticket().status()).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED);

        StepVerifier.create(frames.filter(f -> f.tickets().open() == before.tickets().open() + 1
                                && f.tickets().byStatus().getOrDefault(TicketStatus.FEEDBACK_SUBMITTED, 0L)
                                == before.tickets().byStatus().getOrDefault(TicketStatus.FEEDBACK_SUBMITTED, 0L) + 1)
                        .next())
                .expectNextCount(1)
                .expectComplete().verify(Duration.ofSeconds(15));
    }

    private UUID intakeAndDispatch(LocalSystem system) throws IOException, InterruptedException {
        String agent = RunningSystem.backendToken("agent1");
        String dispatcher = RunningSystem.backendToken("dispatcher1");
        IntakeResult created = RunningSystem.JSON.readValue(post(system.backend().resolve("/api/v1/intake"), agent,
                new IntakeRequest(Channel.HOTLINE, null, new Citizen("李四", "13900000000"), "垃圾清运",
                        "垃圾桶满了没人清运", null, "城关街道第一网格", null, false), 201), IntakeResult.class);
        UUID id = created.ticket().id();
        post(system.backend().resolve("/api/v1/tickets/" + id + "/submit"), agent, Map.of(), 200);

        JsonNode units = RunningSystem.JSON.readTree(get(system.backend().resolve("/api/v1/org/units"), dispatcher));
        String township = null;
        String grid = null;
        for (JsonNode u : units) {
            if ("T01".equals(u.get("code").asString())) {
                township = u.get("id").asString();
            }
            if ("T01-G01".equals(u.get("code").asString())) {
                grid = u.get("id").asString();
            }
        }
        post(system.backend().resolve("/api/v1/tickets/" + id + "/dispatch"), dispatcher,
                Map.of("unitId", township, "gridId", grid, "note", "请网格员尽快处理"), 200);
        return id;
    }

    private String post(URI uri, String token, Object body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                        .header("authorization", "Bearer " + token)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(RunningSystem.JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", uri.getPath(), r.body()).isEqualTo(expectedStatus);
        return r.body();
    }

    private String get(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", uri.getPath(), r.body()).isEqualTo(200);
        return r.body();
    }
}
