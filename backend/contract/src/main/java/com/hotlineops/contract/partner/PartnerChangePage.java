package com.hotlineops.contract.partner;

import java.util.List;

/**
 * A page of {@code GET /api/v1/admin/partners/{id}/changes}, newest first. {@code nextCursor} continues after the last
 * item; null on the last page. Keyset pages: changes made meanwhile appear on no later page, none is repeated.
 */
public record PartnerChangePage(List<PartnerChange> items, String nextCursor) {

    public PartnerChangePage {
        items = List.copyOf(items);
    }
}
