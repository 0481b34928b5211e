package com.hotlineops.dashboard.live;

import com.hotlineops.contract.wall.WallFrame;
import java.time.Instant;

/**
 * What a wall should show right now: the latest frame (each frame carries the whole state), when it arrived,
 * and whether the stream is up.
 *
 * @param frame      the latest frame, or {@code null} if none has arrived since this instance started
 * @param receivedAt when {@code frame} arrived here, or {@code null} with no frame
 * @param link       whether the stream is delivering
 * @param linkSince  since when {@code link} has held
 * @param stale      {@code true} when no frame has arrived yet, or the stream has been down for
 *                   {@link LiveWall#STALE_AFTER} or longer: the wall must then say its figures may be old
 */
public record LiveWallState(WallFrame frame, Instant receivedAt, Link link, Instant linkSince, boolean stale) {

    /** The state of the connection to the backend's stream. */
    public enum Link {
        /** Frames are arriving. */
        LIVE,
        /** Not connected, connecting, or connected but no frame yet. */
        DOWN
    }

    static LiveWallState waiting(Instant since) {
        return new LiveWallState(null, null, Link.DOWN, since, true);
    }

    public boolean hasFrame() {
        return frame != null;
    }

    LiveWallState received(WallFrame newFrame, Instant now) {
        return new LiveWallState(newFrame, now, Link.LIVE, link == Link.LIVE ? linkSince : now, false);
    }

    LiveWallState lost(Instant now) {
        return link == Link.DOWN ? this : new LiveWallState(frame, receivedAt, Link.DOWN, now, !hasFrame());
    }

    LiveWallState markedStale() {
        return new LiveWallState(frame, receivedAt, link, linkSince, true);
    }
}
