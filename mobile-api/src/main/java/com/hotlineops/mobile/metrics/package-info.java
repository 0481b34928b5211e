/**
 * Who may scrape the edge's metrics (decision 0030): Prometheus with its own credential, nobody else, not even a
 * signed-in phone. The feed's meters are registered by the feed itself.
 */
package com.hotlineops.mobile.metrics;
