/**
 * The live projection behind the wall (today's calls, agents, open tickets), rebuilt from PostgreSQL at start and
 * kept current from the event stream, and the {@code wall.frames} RSocket stream that publishes it.
 */
package com.hotlineops.server.wall;
