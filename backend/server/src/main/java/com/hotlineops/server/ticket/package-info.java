/**
 * Ticket intake and desk commands over HTTP ({@code /api/v1/intake}, {@code /api/v1/tickets/…}); the rules live in
 * the core's {@code TicketService}.
 */
package com.hotlineops.server.ticket;
