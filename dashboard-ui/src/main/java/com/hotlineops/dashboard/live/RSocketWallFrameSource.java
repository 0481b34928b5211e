package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.wall.WallFrame;
import io.rsocket.exceptions.ConnectionCloseException;
import io.rsocket.exceptions.ConnectionErrorException;
import io.rsocket.exceptions.SetupException;
import io.rsocket.metadata.WellKnownMimeType;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;

/**
 * The backend's {@code wall.frames} request-stream over RSocket TCP (DESIGN.md §4). Each subscription signs in
 * afresh, so a reconnection never reuses an expired token; the bearer token goes in the setup metadata and in
 * each request's composite metadata, next to the route.
 */
final class RSocketWallFrameSource implements WallFrameSource {

    static final String ROUTE = "wall.frames";

    static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    /** A dead peer (no FIN, e.g. a pulled cable) shows up within seconds rather than after the 90 s default. */
    private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(2);
    private static final Duration KEEPALIVE_MAX_LIFETIME = Duration.ofSeconds(8);

    private final Supplier<RSocketRequester.Builder> builders;
    private final BackendTokenClient tokens;
    private final String host;
    private final int port;

    RSocketWallFrameSource(Supplier<RSocketRequester.Builder> builders, BackendTokenClient tokens, String host,
            int port) {
        this.builders = builders;
        this.tokens = tokens;
        this.host = host;
        this.port = port;
    }

    @Override
    public Flux<WallFrame> frames() {
        return tokens.fetch().flatMapMany(this::stream);
    }

    private Flux<WallFrame> stream(TokenResponse token) {
        BearerTokenMetadata credentials = new BearerTokenMetadata(token.accessToken());
        RSocketRequester requester = builders.get()
                .rsocketStrategies(strategies -> strategies.encoder(new BearerTokenAuthenticationEncoder()))
                .dataMimeType(MediaType.APPLICATION_JSON)
                .setupMetadata(credentials, AUTHENTICATION)
                .rsocketConnector(connector -> connector.keepAlive(KEEPALIVE_INTERVAL, KEEPALIVE_MAX_LIFETIME))
                .tcp(host, port);
        return requester.route(ROUTE)
                .metadata(credentials, AUTHENTICATION)
                .retrieveFlux(WallFrame.class)
                .doOnComplete(requester::dispose)
                .doOnCancel(requester::dispose)
                .doOnError(error -> {
                    if (!connectionGone(error)) {
                        requester.dispose();
                    }
                });
    }

    /**
     * Whether the error means there is no connection left to close (never made, closed, or refused at setup).
     * Disposing a requester then only reports its own cancellation as a dropped error, once per reconnection
     * attempt while the backend is down.
     */
    static boolean connectionGone(Throwable error) {
        return error instanceof ConnectException
                || error instanceof ClosedChannelException
                || error instanceof ConnectionErrorException
                || error instanceof ConnectionCloseException
                || error instanceof SetupException;
    }
}
