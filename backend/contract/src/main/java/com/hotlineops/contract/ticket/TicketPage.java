package com.hotlineops.contract.ticket;

import java.util.List;

/**
 * A page of {@code GET /api/v1/tickets}. {@code nextCursor} continues after the last item in the same order; null on
 * the last page. Pages are keyset-based, so tickets that change between pages are neither lost nor repeated by the
 * paging itself.
 */
public record TicketPage(List<TicketListItem> items, String nextCursor) {

    public TicketPage {
        items = List.copyOf(items);
    }
}
