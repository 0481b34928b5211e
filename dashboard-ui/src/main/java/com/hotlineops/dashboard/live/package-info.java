/**
 * The backend's RSocket streams and the live state of the call hall: one subscription per instance to the backend's
 * {@code wall.frames} stream, reconnecting with backoff, at most four updates a second as the backend samples them
 * (bursts bounded here, decision 0034) and fanned out to every view. {@link com.hotlineops.dashboard.live.LiveWall}
 * is the wall's entry point; {@link com.hotlineops.dashboard.live.BackendStreams} is how consoles follow a stream
 * with their user's own token (decision 0040). Nothing here knows about Vaadin.
 */
package com.hotlineops.dashboard.live;
