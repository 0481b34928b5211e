/**
 * The live state of the call hall: one subscription per instance to the backend's {@code wall.frames} RSocket
 * stream, reconnecting with backoff, coalesced to at most four updates a second and fanned out to every view.
 * {@link com.hotlineops.dashboard.live.LiveWall} is the only entry point; it knows nothing about Vaadin.
 */
package com.hotlineops.dashboard.live;
