/**
 * What an operator watches (decision 0030): who may scrape {@code /actuator/prometheus} (Prometheus with its own
 * credential, or an administrator), the figures of the periodic jobs (did the SLA sweeper run lately?), and the
 * backlogs that only the database knows (outbox, partner callbacks), sampled on a timer rather than per scrape. The
 * meters of each feature are registered where the feature is (wall, partner, sla, core events).
 */
package com.hotlineops.server.metrics;
