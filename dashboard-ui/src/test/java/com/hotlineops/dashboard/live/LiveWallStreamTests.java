package com.hotlineops.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.LiveWallState.Link;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.rsocket.autoconfigure.RSocketRequesterAutoConfiguration;
import org.springframework.boot.rsocket.autoconfigure.RSocketStrategiesAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The live state against a fake of our backend's {@code wall.frames} stream over real RSocket TCP, with the
 * RSocket client exactly as Boot configures it (Jackson 3 codecs): tokens, metadata, decoding, coalescing,
 * staleness and reconnection.
 */
@SpringJUnitConfig
class LiveWallStreamTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, RSocketStrategiesAutoConfiguration.class,
            RSocketRequesterAutoConfiguration.class})
    static class RSocketClient {
    }

    @Autowired
    private ObjectProvider<RSocketRequester.Builder> builders;

    private FakeWallBackend backend;
    private LiveWall wall;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        backend = FakeWallBackend.start();
    }

    @AfterEach
    void stop() {
        if (wall != null) {
            wall.stop();
        }
        backend.close();
    }

    @Test
    void snapshotThenUpdateArriveWholeWithBearerTokenInSetupAndRequest() {
        startWall(FakeWallBackend.PASSWORD);
        await().until(() -> wall.current().link() == Link.LIVE);
        assertThat(wall.current().frame().kind()).isEqualTo(FrameKind.SNAPSHOT);

        WallFrame sent = backend.emit(120, 114);

        // Record equality covers the Instants, the enum-keyed maps and the nullable rates after the JSON round trip.
        await().untilAsserted(() -> assertThat(wall.current().frame()).isEqualTo(sent));
        await().untilAsserted(() -> assertThat(arrivals.getLast().state().frame()).isEqualTo(sent));
        assertThat(backend.streamRequests()).isEqualTo(1);
        assertThat(backend.rejections()).isEmpty();
    }

    @Test
    void wrongPasswordThenNoStreamAndTheWallStaysStale() {
        startWall("not-the-password");

        await().until(() -> backend.tokenRequests() >= 3);

        assertThat(backend.streamRequests()).isZero();
        assertThat(wall.current().hasFrame()).isFalse();
        assertThat(wall.current().stale()).isTrue();
    }

    @Test
    void floodOfFramesThenAtMostTenUpdatesPerSecondAndTheNewestWins() {
        startWall(FakeWallBackend.PASSWORD);
        await().until(() -> wall.current().link() == Link.LIVE);
        arrivals.clear();
        // the backend sends at most four frames a second; a flood past that is merged here to ten (decision 0034)
        int perSecond = (int) (Duration.ofSeconds(1).toMillis() / LiveWall.MIN_PUBLISH_INTERVAL.toMillis());

        long floodStart = System.nanoTime();
        Flux.interval(Duration.ofMillis(5)).take(300).doOnNext(i -> backend.emit(i, i)).blockLast();
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        await().untilAsserted(() -> assertThat(arrivals.getLast().state().frame().today().offered()).isEqualTo(299));
        for (int i = 0; i + perSecond < arrivals.size(); i++) {
            assertThat(arrivals.get(i + perSecond).nanos() - arrivals.get(i).nanos())
                    .as("%d updates must span about a second", perSecond + 1)
                    .isGreaterThan(Duration.ofMillis(900).toNanos());
        }
        assertThat(arrivals).hasSizeLessThanOrEqualTo((int) Math.ceil(floodSeconds * perSecond) + 2)
                .hasSizeLessThan(300 / 2);
    }

    @Test
    void backendStoppedThenStaleAfterFiveSecondsAndLiveAgainWithFreshTokenAfterRestart() {
        startWall(FakeWallBackend.PASSWORD);
        await().until(() -> wall.current().link() == Link.LIVE);
        int tokensBefore = backend.tokenRequests();

        backend.stopRSocket();

        await().until(() -> wall.current().link() == Link.DOWN);
        assertThat(wall.current().stale()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> wall.current().stale());
        LiveWallState stale = wall.current();
        assertThat(stale.hasFrame()).isTrue();
        assertThat(Duration.between(stale.linkSince(), java.time.Instant.now()))
                .isGreaterThanOrEqualTo(LiveWall.STALE_AFTER.minusMillis(100));

        backend.restartRSocket();
        backend.emit(7, 7);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            LiveWallState state = wall.current();
            assertThat(state.link()).isEqualTo(Link.LIVE);
            assertThat(state.stale()).isFalse();
            assertThat(state.frame().today().offered()).isEqualTo(7);
        });
        assertThat(backend.tokenRequests()).isGreaterThan(tokensBefore);
        assertThat(backend.rejections()).isEmpty();
    }

    @Test
    void streamEndedBecauseItsTokenExpiredThenSignedInAgainAndSubscribedAtOnceWithoutTheBackoffOrTheStaleBanner() {
        // A backoff far longer than the test waits: only the renewal at once can bring the second stream in time.
        startWall(FakeWallBackend.PASSWORD, Duration.ofSeconds(30), Duration.ofSeconds(30));
        await().until(() -> wall.current().link() == Link.LIVE);
        int tokensBefore = backend.tokenRequests();

        backend.endStreams(TokenExpired.MESSAGE);

        await().atMost(Duration.ofSeconds(3)).until(() -> backend.streamRequests() == 2);
        assertThat(backend.tokenRequests()).as("signed in again for the new stream").isEqualTo(tokensBefore + 1);
        assertThat(backend.streamTokens()).hasSize(2).doesNotHaveDuplicates();
        WallFrame sent = backend.emit(9, 9);
        await().untilAsserted(() -> assertThat(wall.current().frame()).isEqualTo(sent));
        assertThat(wall.current().link()).isEqualTo(Link.LIVE);
        assertThat(arrivals).noneMatch(arrival -> arrival.state().hasFrame() && arrival.state().stale());
        assertThat(backend.rejections()).isEmpty();
    }

    private void startWall(String password) {
        startWall(password, Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private void startWall(String password, Duration firstBackoff, Duration maxBackoff) {
        BackendTokenClient tokens = new BackendTokenClient(URI.create("http://127.0.0.1:" + backend.httpPort()),
                FakeWallBackend.USERNAME, password, Duration.ofSeconds(2));
        BackendStreams streams = new BackendStreams(builders::getObject, "127.0.0.1", backend.rsocketPort(),
                firstBackoff, maxBackoff);
        RSocketWallFrameSource source = new RSocketWallFrameSource(streams, tokens);
        wall = new LiveWall(source, Schedulers.parallel(), Schedulers.boundedElastic(), firstBackoff, maxBackoff);
        wall.states().subscribe(state -> arrivals.add(new Arrival(System.nanoTime(), state)));
        wall.start();
    }

    private record Arrival(long nanos, LiveWallState state) {
    }
}
