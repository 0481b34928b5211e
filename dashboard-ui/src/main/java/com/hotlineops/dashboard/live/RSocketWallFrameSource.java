package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.wall.WallFrame;
import reactor.core.publisher.Flux;

/**
 * The backend's {@code wall.frames} request-stream, followed with the wall's service account (DESIGN.md §4). Each
 * subscription signs in afresh, so a reconnection never reuses an expired token: the backend ends the stream when the
 * token it was opened with expires (decision 0043), and {@link LiveWall} subscribes again at once.
 */
final class RSocketWallFrameSource implements WallFrameSource {

    static final String ROUTE = "wall.frames";

    private final BackendStreams streams;
    private final BackendTokenClient tokens;

    RSocketWallFrameSource(BackendStreams streams, BackendTokenClient tokens) {
        this.streams = streams;
        this.tokens = tokens;
    }

    @Override
    public Flux<WallFrame> frames() {
        return streams.stream(ROUTE, WallFrame.class, tokens.fetch().map(TokenResponse::accessToken));
    }
}
