/**
 * The live projection behind the wall (today's calls, agents, open tickets), rebuilt from PostgreSQL at start and
 * kept current from the event stream; beside it the ticket board and the hotspots, recomputed from PostgreSQL on timers;
 * and the {@code wall.frames} RSocket stream that publishes them.
 */
package com.hotlineops.server.wall;
