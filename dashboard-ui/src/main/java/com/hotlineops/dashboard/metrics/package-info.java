/**
 * What an operator watches of this instance (decision 0030): the live wall's link to the backend as meters, and who
 * may scrape them (Prometheus with its own credential, nobody else).
 */
package com.hotlineops.dashboard.metrics;
