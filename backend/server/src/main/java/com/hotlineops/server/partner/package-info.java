/**
 * Partner channels over HTTP (DESIGN.md §2.1): administrators register, disable and enable partners, rotate their API
 * keys and webhook secrets, and inspect and replay their status callbacks; partners submit on
 * {@code POST /api/v1/intake} with an {@code X-Api-Key}; their tickets' status changes are POSTed back to them, signed,
 * by the webhook deliverer. The guide for a partner's developers is {@code docs/partners.md}.
 */
package com.hotlineops.server.partner;
