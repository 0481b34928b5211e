package com.hotlineops.server.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import io.rsocket.metadata.WellKnownMimeType;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The thin path CTI → PostgreSQL → outbox → Redis stream → live state → {@code wall.frames} over real RSocket. */
class WallFramesIntegrationTests extends BackendIntegrationTest {

    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    @Autowired
    RSocketRequester.Builder requesters;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private RSocketRequester requester;

    private RSocketRequester connect(String username) {
        requester = requesters
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()))
                .setupMetadata(new BearerTokenMetadata(token(http, username)), AUTHENTICATION)
                .tcp("127.0.0.1", rsocketPort);
        return requester;
    }

    @AfterEach
    void close() {
        if (requester != null) {
            requester.dispose();
        }
    }

    @Test
    void postedCallEventsThenFramesShowThemLive() {
        Flux<WallFrame> frames = connect("wall").route("wall.frames").retrieveFlux(WallFrame.class)
                .replay().autoConnect();
        WallFrame snapshot = frames.blockFirst(Duration.ofSeconds(10));
        assertThat(snapshot.kind()).isEqualTo(FrameKind.SNAPSHOT);

        String call1 = UUID.randomUUID().toString();
        String call2 = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String body = """
                [{"eventId":"%1$s-o","type":"CALL_OFFERED","callId":"%1$s","queue":"GENERAL","occurredAt":"%3$s"},
                 {"eventId":"%1$s-a","type":"CALL_ANSWERED","callId":"%1$s","queue":"GENERAL","occurredAt":"%4$s","agentId":"a1"},
                 {"eventId":"%2$s-o","type":"CALL_OFFERED","callId":"%2$s","queue":"ENTERPRISE","occurredAt":"%3$s"}]"""
                .formatted(call1, call2, now.minusSeconds(20), now.minusSeconds(10));
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();

        StepVerifier.create(frames.filter(f -> f.kind() == FrameKind.UPDATE
                                && f.today().offered() == snapshot.today().offered() + 2)
                        .next())
                .assertNext(f -> {
                    assertThat(f.today().answered()).isEqualTo(snapshot.today().answered() + 1);
                    assertThat(f.today().inQueue()).isEqualTo(snapshot.today().inQueue() + 1);
                    assertThat(f.today().oldestWaitingSince()).isNotNull();
                    assertThat(f.todayByQueue().get(CallQueue.ENTERPRISE).offered())
                            .isEqualTo(snapshot.todayByQueue().get(CallQueue.ENTERPRISE).offered() + 1);
                    assertThat(f.seq()).isGreaterThan(snapshot.seq());
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void ticketIntakeThenOpenTicketCountFollows() {
        Flux<WallFrame> frames = connect("supervisor1").route("wall.frames").retrieveFlux(WallFrame.class)
                .replay().autoConnect();
        WallFrame snapshot = frames.blockFirst(Duration.ofSeconds(10));

        http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(new IntakeRequest(Channel.HOTLINE, null, new Citizen("张三", "13912345678"), "路灯不亮",
                        "小区门口路灯坏了三天", null, "城关街道", null, false))
                .exchange().expectStatus().isCreated();

        StepVerifier.create(frames.filter(f -> f.tickets().open() == snapshot.tickets().open() + 1).next())
                .assertNext(f -> assertThat(f.toString()).doesNotContain("13912345678").doesNotContain("张三"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void framesWithoutTokenThenRejected() {
        requester = requesters.tcp("127.0.0.1", rsocketPort);
        StepVerifier.create(requester.route("wall.frames").retrieveFlux(WallFrame.class))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("denied"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void framesForGridWorkerThenRejectedAndForWallThenAllowed() {
        StepVerifier.create(connect("worker1").route("wall.frames").retrieveFlux(WallFrame.class))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("denied"))
                .verify(Duration.ofSeconds(10));
        requester.dispose();
        StepVerifier.create(connect("wall").route("wall.frames").retrieveFlux(WallFrame.class).take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
