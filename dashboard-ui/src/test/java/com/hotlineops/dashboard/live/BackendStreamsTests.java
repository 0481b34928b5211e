package com.hotlineops.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.WallFrame;
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
import reactor.core.Disposable;

/**
 * A followed stream over real RSocket TCP, against the fake of the backend's {@code wall.frames}: when the backend
 * ends it because its token expired (decision 0043), it is opened again at once, with a token asked for as a renewal
 * of the expired one.
 */
@SpringJUnitConfig
class BackendStreamsTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, RSocketStrategiesAutoConfiguration.class,
            RSocketRequesterAutoConfiguration.class})
    static class RSocketClient {
    }

    @Autowired
    private ObjectProvider<RSocketRequester.Builder> builders;

    private FakeWallBackend backend;
    private Disposable following;

    @BeforeEach
    void start() {
        backend = FakeWallBackend.start();
    }

    @AfterEach
    void stop() {
        if (following != null) {
            following.dispose();
        }
        backend.close();
    }

    @Test
    void streamEndedBecauseItsTokenExpiredThenOpenedAgainAtOnceWithATokenRenewingTheExpiredOne() {
        BackendTokenClient tokens = new BackendTokenClient(URI.create("http://127.0.0.1:" + backend.httpPort()),
                FakeWallBackend.USERNAME, FakeWallBackend.PASSWORD, Duration.ofSeconds(2));
        // A backoff far longer than the test waits: only the renewal at once can bring the second stream in time.
        BackendStreams streams = new BackendStreams(builders::getObject, "127.0.0.1", backend.rsocketPort(),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        List<String> renewing = new CopyOnWriteArrayList<>();
        List<Throwable> lost = new CopyOnWriteArrayList<>();
        List<WallFrame> frames = new CopyOnWriteArrayList<>();
        BackendStreams.Bearer bearer = expired -> {
            renewing.add(String.valueOf(expired));
            return tokens.fetch().map(TokenResponse::accessToken);
        };

        following = streams.following(RSocketWallFrameSource.ROUTE, WallFrame.class, bearer, lost::add)
                .subscribe(frames::add);
        await().until(() -> frames.size() == 1);
        backend.endStreams(TokenExpired.MESSAGE);

        await().atMost(Duration.ofSeconds(3)).until(() -> frames.size() == 2);
        assertThat(frames).extracting(WallFrame::kind).containsExactly(FrameKind.SNAPSHOT, FrameKind.SNAPSHOT);
        assertThat(lost).singleElement().satisfies(error -> assertThat(TokenExpired.is(error)).isTrue());
        List<String> used = backend.streamTokens();
        assertThat(used).hasSize(2).doesNotHaveDuplicates();
        assertThat(renewing).as("the second connection's token was asked for as a renewal of the first's")
                .containsExactly("null", used.getFirst());
    }
}
