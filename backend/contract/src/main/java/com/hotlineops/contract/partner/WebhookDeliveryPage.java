package com.hotlineops.contract.partner;

import java.util.List;

/**
 * A page of {@code GET /api/v1/admin/partners/{id}/deliveries}, newest first. {@code nextCursor} continues after the
 * last item; null on the last page. Keyset pages: deliveries added meanwhile appear on no later page, none is repeated.
 */
public record WebhookDeliveryPage(List<WebhookDeliveryView> items, String nextCursor) {

    public WebhookDeliveryPage {
        items = List.copyOf(items);
    }
}
