package com.hotlineops.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.server.BackendIntegrationTest;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.metadata.WellKnownMimeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Decision 0043 on the running backend, whose access tokens here live {@value #TTL_SECONDS} seconds (in a context of
 * its own): {@code wall.frames} and {@code callbacks.tasks} end with {@link TokenExpired#MESSAGE} once the token they
 * were opened with expires, whether it came in the SETUP frame or with the request; a new stream under an expired
 * token is refused although the connection's setup token, or the request's within the decoder's 60 s clock skew, once
 * let it in; a fresh token opens the stream again. An account disabled meanwhile stops receiving within its token's
 * life, since it gets no fresh one.
 */
@TestPropertySource(properties = "hotline.security.access-token-ttl=" + StreamTokenExpiryIntegrationTests.TTL_SECONDS
        + "s")
class StreamTokenExpiryIntegrationTests extends BackendIntegrationTest {

    static final int TTL_SECONDS = 3;

    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * The server's timer runs on the monotonic clock, the token's expiry is wall-clock time: the two may disagree by
     * a few milliseconds.
     */
    private static final Duration CLOCKS = Duration.ofMillis(100);
    /** How soon after its token's expiry a stream must have ended. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    ObjectProvider<RSocketRequester.Builder> requesters;
    @Autowired
    TokenService tokens;
    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private final List<Disposable> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Disposable::dispose);
    }

    /** A connection that signs in at setup with {@code setupToken}, or not at all if it is null. */
    private RSocketRequester connect(String setupToken) {
        RSocketRequester.Builder builder = requesters.getObject()
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()));
        if (setupToken != null) {
            builder = builder.setupMetadata(new BearerTokenMetadata(setupToken), AUTHENTICATION);
        }
        RSocketRequester requester = builder.tcp("127.0.0.1", rsocketPort);
        opened.add(requester::dispose);
        return requester;
    }

    private Instant expiryOf(String token) {
        return tokens.accessTokenDecoder().decode(token).block(WAIT).getExpiresAt();
    }

    private <T> Recorder<T> record(Flux<T> stream) {
        Recorder<T> recorder = new Recorder<>(stream);
        opened.add(recorder);
        return recorder;
    }

    /** The stream ended with the expiry error, not before its token expired and promptly after. */
    private static void endedAtExpiry(Recorder<?> stream, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        await().atMost((left.isNegative() ? Duration.ZERO : left).plus(PROMPTLY)).until(() -> stream.error() != null);
        assertThat(stream.error()).isInstanceOf(ApplicationErrorException.class).hasMessage(TokenExpired.MESSAGE);
        assertThat(TokenExpired.is(stream.error())).isTrue();
        assertThat(stream.endedAt()).isBetween(expiresAt.minus(CLOCKS), expiresAt.plus(PROMPTLY));
    }

    @Test
    void wallFramesOpenedWithTheSetupTokenEndAtItsExpiryAndAFreshConnectionGetsASnapshotAgain() {
        String token = token(http, "wall");
        Instant expiresAt = expiryOf(token);
        RSocketRequester wall = connect(token);

        Recorder<WallFrame> frames = record(wall.route("wall.frames").retrieveFlux(WallFrame.class));
        await().atMost(WAIT).until(() -> !frames.items().isEmpty());
        assertThat(frames.items().getFirst().kind()).isEqualTo(FrameKind.SNAPSHOT);

        endedAtExpiry(frames, expiresAt);
        // The connection's setup token has expired: it opens nothing more, although the decoder's skew would allow it.
        StepVerifier.create(wall.route("wall.frames").retrieveFlux(WallFrame.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(WAIT);

        // What the wall does: a new connection with a fresh token.
        StepVerifier.create(connect(token(http, "wall")).route("wall.frames").retrieveFlux(WallFrame.class).next())
                .assertNext(f -> assertThat(f.kind()).isEqualTo(FrameKind.SNAPSHOT))
                .verifyComplete();
    }

    @Test
    void callbackTasksOpenedWithARequestTokenEndAtItsExpiryAndAFreshTokenOnTheSameConnectionOpensThemAgain() {
        RSocketRequester console = connect(null);
        String token = token(http, "supervisor1");
        Instant expiresAt = expiryOf(token);

        Recorder<CallbackStreamItem> tasks = record(console.route("callbacks.tasks")
                .metadata(new BearerTokenMetadata(token), AUTHENTICATION).retrieveFlux(CallbackStreamItem.class));
        await().atMost(WAIT).until(() -> !tasks.items().isEmpty());
        assertThat(tasks.items().getFirst().change()).isEqualTo(CallbackChange.SNAPSHOT);

        endedAtExpiry(tasks, expiresAt);
        // The same token again, seconds after its expiry (within the decoder's 60 s skew): refused as expired.
        StepVerifier.create(console.route("callbacks.tasks").metadata(new BearerTokenMetadata(token), AUTHENTICATION)
                        .retrieveFlux(CallbackStreamItem.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(WAIT);

        StepVerifier.create(console.route("callbacks.tasks")
                        .metadata(new BearerTokenMetadata(token(http, "supervisor1")), AUTHENTICATION)
                        .retrieveFlux(CallbackStreamItem.class).next())
                .assertNext(item -> assertThat(item.change()).isEqualTo(CallbackChange.SNAPSHOT))
                .verifyComplete();
    }

    @Test
    void streamOfAnAccountDisabledMeanwhileEndsWithItsTokenAndNoFreshTokenComes() {
        String username = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        UserView user = http.post().uri("/api/v1/users").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new NewUser(username, "测试班长", List.of("SUPERVISOR"), null, null, "Initial-pass-2026"))
                .exchange().expectStatus().isCreated().expectBody(UserView.class).returnResult().getResponseBody();
        TokenResponse initial = http.post().uri("/api/v1/auth/token")
                .bodyValue(TokenRequest.password(username, "Initial-pass-2026")).exchange()
                .expectStatus().isOk().expectBody(TokenResponse.class).returnResult().getResponseBody();
        // An account an administrator created changes its password first (decision 0036); that answers a pair.
        TokenResponse own = http.post().uri("/api/v1/auth/password")
                .headers(h -> h.setBearerAuth(initial.accessToken())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new PasswordChange("Initial-pass-2026", "My-own-choice-77")).exchange()
                .expectStatus().isOk().expectBody(TokenResponse.class).returnResult().getResponseBody();
        Instant expiresAt = expiryOf(own.accessToken());

        Recorder<CallbackStreamItem> tasks = record(connect(own.accessToken()).route("callbacks.tasks")
                .retrieveFlux(CallbackStreamItem.class));
        await().atMost(WAIT).until(() -> !tasks.items().isEmpty());
        http.post().uri("/api/v1/users/{id}/disable", user.id()).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk();

        endedAtExpiry(tasks, expiresAt);
        http.post().uri("/api/v1/auth/token").bodyValue(new TokenRequest(null, null, own.refreshToken())).exchange()
                .expectStatus().isUnauthorized();
    }

    /** What a stream delivered, how it ended and when, for assertions with Awaitility. */
    private static final class Recorder<T> implements Disposable {

        private final List<T> items = new CopyOnWriteArrayList<>();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final AtomicReference<Instant> endedAt = new AtomicReference<>();
        private final Disposable subscription;

        Recorder(Flux<T> stream) {
            subscription = stream.subscribe(items::add, e -> {
                endedAt.set(Instant.now());
                error.set(e);
            });
        }

        List<T> items() {
            return List.copyOf(items);
        }

        Throwable error() {
            return error.get();
        }

        Instant endedAt() {
            return endedAt.get();
        }

        @Override
        public void dispose() {
            subscription.dispose();
        }
    }
}
