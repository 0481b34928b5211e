/**
 * A worker's tickets: which ones are on their list ({@link com.hotlineops.mobile.ticket.WorkerList}), reading one,
 * and the commands accept, progress and finish, over RSocket ({@code mobile.tickets.{id}}, {@code mobile.accept} …)
 * and REST ({@code /mobile/v1/tickets}). The commands themselves, idempotent on their {@code commandId}, are the
 * core's {@code TicketService}.
 */
package com.hotlineops.mobile.ticket;
