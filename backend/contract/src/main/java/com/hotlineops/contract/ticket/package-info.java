/**
 * Tickets on the wire: intake requests, views, dispatch commands and the change events every instance
 * receives from the event stream (DESIGN.md §2.1–2.2).
 */
package com.hotlineops.contract.ticket;
