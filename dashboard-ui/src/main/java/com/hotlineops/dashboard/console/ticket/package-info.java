/**
 * Tickets as every desk console shows them: the backend's ticket API with the user's own token ({@link
 * com.hotlineops.dashboard.console.ticket.TicketApi}), the work-queue grid with keyset paging, kept live by the
 * desk's change stream ({@link com.hotlineops.dashboard.console.ticket.DeskLink}, decision 0044), which desk action a
 * state allows, and the shared ticket view at {@code tickets/<id>} (facts, overlays, SLA clocks, history).
 */
package com.hotlineops.dashboard.console.ticket;
