package com.hotlineops.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.LiveWallState.Link;
import io.rsocket.exceptions.ApplicationErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The live state's rules on virtual time, with each connection to the backend played by a sink. */
class LiveWallTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Sinks.Many<WallFrame>> connections = new CopyOnWriteArrayList<>();
    private final List<LiveWallState> published = new CopyOnWriteArrayList<>();
    private final LiveWall wall = new LiveWall(this::connect, time, Schedulers.immediate(),
            Duration.ofSeconds(1), Duration.ofSeconds(8));

    @BeforeEach
    void start() {
        wall.states().subscribe(published::add);
        wall.start();
    }

    @AfterEach
    void stop() {
        wall.stop();
        time.dispose();
    }

    @Test
    void noFrameYetThenStaleAndDown() {
        assertThat(wall.current().hasFrame()).isFalse();
        assertThat(wall.current().stale()).isTrue();
        assertThat(wall.current().link()).isEqualTo(Link.DOWN);
        assertThat(published).singleElement().satisfies(state -> assertThat(state.stale()).isTrue());
        assertThat(connections).hasSize(1);
    }

    @Test
    void snapshotThenLiveWithFrameAndReceptionTime() {
        time.advanceTimeBy(Duration.ofSeconds(3));
        WallFrame snapshot = FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10);

        connection(0).tryEmitNext(snapshot);

        assertThat(wall.current().frame()).isEqualTo(snapshot);
        assertThat(wall.current().receivedAt()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(wall.current().link()).isEqualTo(Link.LIVE);
        assertThat(wall.current().stale()).isFalse();
        assertThat(published.getLast()).isEqualTo(wall.current());
    }

    @Test
    void updateThenItReplacesTheSnapshot() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));
        WallFrame update = FakeWallBackend.frame(FrameKind.UPDATE, 2, 11);

        connection(0).tryEmitNext(update);
        time.advanceTimeBy(LiveWall.MIN_PUBLISH_INTERVAL);

        assertThat(published.getLast().frame()).isEqualTo(update);
    }

    @Test
    void burstOfFramesThenViewsGetAtMostTenStatesPerSecond() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 0, 0));
        published.clear();
        for (int i = 1; i <= 100; i++) {
            connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.UPDATE, i, i));
            time.advanceTimeBy(Duration.ofMillis(10));
        }

        assertThat(published).hasSizeLessThanOrEqualTo(10);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(published.getLast().frame().seq()).isEqualTo(100);
    }

    @Test
    void framesOnTheBackendsQuarterSecondTickThenEachReachesTheViewsAtOnce() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 0, 0));
        for (int i = 1; i <= 40; i++) {
            // the backend's 250 ms sampling, arriving a few milliseconds early or late
            time.advanceTimeBy(Duration.ofMillis(i % 2 == 0 ? 246 : 254));
            WallFrame update = FakeWallBackend.frame(FrameKind.UPDATE, i, i);
            connection(0).tryEmitNext(update);

            assertThat(published.getLast().frame()).as("frame %d published when it arrived", i).isEqualTo(update);
        }
    }

    @Test
    void streamErrorThenDownButNotStaleForFiveSeconds() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));
        time.advanceTimeBy(Duration.ofSeconds(1));

        connection(0).tryEmitError(new IllegalStateException("connection reset"));
        assertThat(wall.current().link()).isEqualTo(Link.DOWN);
        assertThat(wall.current().stale()).isFalse();
        assertThat(wall.current().hasFrame()).isTrue();

        time.advanceTimeBy(LiveWall.STALE_AFTER.minusMillis(1));
        assertThat(wall.current().stale()).isFalse();

        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(wall.current().stale()).isTrue();
        assertThat(wall.current().hasFrame()).isTrue();
        time.advanceTimeBy(LiveWall.MIN_PUBLISH_INTERVAL);
        assertThat(published.getLast().stale()).isTrue();
    }

    @Test
    void streamCompletesThenReconnectsAndSnapshotMakesItLiveAgain() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));
        connection(0).tryEmitComplete();
        assertThat(wall.current().link()).isEqualTo(Link.DOWN);

        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(connections).hasSize(2);
        assertThat(wall.current().stale()).isTrue();

        WallFrame snapshot = FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 12);
        connection(1).tryEmitNext(snapshot);
        time.advanceTimeBy(LiveWall.MIN_PUBLISH_INTERVAL);

        assertThat(published.getLast().frame()).isEqualTo(snapshot);
        assertThat(published.getLast().link()).isEqualTo(Link.LIVE);
        assertThat(published.getLast().stale()).isFalse();
    }

    @Test
    void connectionsKeepFailingThenRetriesBackOffUpToTheMaximum() {
        for (int i = 0; i < 60; i++) {
            connections.getLast().tryEmitError(new IllegalStateException("connection refused"));
            time.advanceTimeBy(Duration.ofSeconds(1));
        }

        // 1 s doubling to 8 s (±50 % jitter) over a minute: far fewer than one attempt a second, but never giving up.
        assertThat(connections).hasSizeBetween(7, 20);
        time.advanceTimeBy(Duration.ofSeconds(13));
        assertThat(connections.getLast().currentSubscriberCount()).isEqualTo(1);
    }

    @Test
    void tokenExpiredAfterFramesThenSubscribedAgainAtOnceWithoutBackoffAndNeverStale() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));
        time.advanceTimeBy(Duration.ofMinutes(15));

        connection(0).tryEmitError(new ApplicationErrorException(TokenExpired.MESSAGE));

        assertThat(connections).as("no backoff: opened again on the same instant").hasSize(2);
        assertThat(connection(1).currentSubscriberCount()).isEqualTo(1);
        connection(1).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 2, 11));
        time.advanceTimeBy(LiveWall.STALE_AFTER);
        assertThat(wall.current().link()).isEqualTo(Link.LIVE);
        assertThat(wall.current().frame().today().offered()).isEqualTo(11);
        assertThat(published).noneMatch(state -> state.hasFrame() && state.stale());
    }

    @Test
    void tokenExpiredAgainBeforeAnyFrameThenTheRenewalWaitsOutTheBackoff() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));
        connection(0).tryEmitError(new ApplicationErrorException(TokenExpired.MESSAGE));
        assertThat(connections).hasSize(2);

        connection(1).tryEmitError(new ApplicationErrorException(TokenExpired.MESSAGE));

        // the second loss in a row: 2 s ± 50 % jitter
        time.advanceTimeBy(Duration.ofMillis(999));
        assertThat(connections).hasSize(2);
        time.advanceTimeBy(Duration.ofMillis(2_001));
        assertThat(connections).hasSize(3);
    }

    @Test
    void otherErrorAfterFramesThenTheBackoffAsBefore() {
        connection(0).tryEmitNext(FakeWallBackend.frame(FrameKind.SNAPSHOT, 1, 10));

        connection(0).tryEmitError(new ApplicationErrorException("unauthorized: something else"));

        // the first loss: 1 s, + up to 50 % jitter
        time.advanceTimeBy(Duration.ofMillis(999));
        assertThat(connections).hasSize(1);
        time.advanceTimeBy(Duration.ofMillis(501));
        assertThat(connections).hasSize(2);
    }

    @Test
    void stoppedThenViewsSubscriptionsComplete() {
        List<String> signals = new CopyOnWriteArrayList<>();
        wall.states().subscribe(state -> { }, error -> signals.add("error"), () -> signals.add("complete"));

        wall.stop();

        assertThat(signals).containsExactly("complete");
    }

    @Test
    void startedAgainAfterStopThenNoNewConnection() {
        wall.stop();

        wall.start();
        time.advanceTimeBy(Duration.ofSeconds(30));

        assertThat(connections).hasSize(1);
        assertThat(wall.isRunning()).isFalse();
    }

    private Sinks.Many<WallFrame> connection(int index) {
        return connections.get(index);
    }

    private reactor.core.publisher.Flux<WallFrame> connect() {
        Sinks.Many<WallFrame> connection = Sinks.many().unicast().onBackpressureBuffer();
        connections.add(connection);
        return connection.asFlux();
    }
}
