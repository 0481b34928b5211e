package com.hotlineops.mobile.feed;

import com.hotlineops.contract.ticket.TicketChanged;

/** A ticket change read from the event stream, with the stream id that is its cursor. */
record TicketEvent(String cursor, TicketChanged change) {
}
