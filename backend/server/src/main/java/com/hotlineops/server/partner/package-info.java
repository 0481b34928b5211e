/**
 * Partner channels over HTTP (DESIGN.md §2.1): administrators register partners and rotate their API keys; partners
 * submit on {@code POST /api/v1/intake} with an {@code X-Api-Key}; their tickets' status changes are POSTed back to them,
 * signed, by the webhook deliverer.
 */
package com.hotlineops.server.partner;
