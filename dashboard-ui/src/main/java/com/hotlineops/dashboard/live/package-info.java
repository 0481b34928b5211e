/**
 * The live state of the call hall: one subscription per instance to the backend's {@code wall.frames} RSocket
 * stream, reconnecting with backoff, at most four updates a second as the backend samples them (bursts bounded
 * here, decision 0034) and fanned out to every view.
 * {@link com.hotlineops.dashboard.live.LiveWall} is the only entry point; it knows nothing about Vaadin.
 */
package com.hotlineops.dashboard.live;
