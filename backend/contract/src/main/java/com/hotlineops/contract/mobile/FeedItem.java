package com.hotlineops.contract.mobile;

import com.hotlineops.contract.ticket.TicketView;

/**
 * One item of {@code mobile.feed}. {@code cursor} is the position of the change in the event stream; a
 * reconnecting phone passes the last cursor it saw.
 */
public record FeedItem(FeedItemKind kind, String cursor, TicketView ticket) {
}
