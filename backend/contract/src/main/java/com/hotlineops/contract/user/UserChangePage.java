package com.hotlineops.contract.user;

import java.util.List;

/**
 * A page of {@code GET /api/v1/users/{id}/changes}, newest first, as a partner's changes are paged (decision 0038).
 * {@code nextCursor} continues after the last item; null on the last page. Keyset pages: changes made meanwhile
 * appear on no later page, none is repeated.
 */
public record UserChangePage(List<UserChange> items, String nextCursor) {

    public UserChangePage {
        items = List.copyOf(items);
    }
}
