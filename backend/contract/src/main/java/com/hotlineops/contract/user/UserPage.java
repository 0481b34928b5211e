package com.hotlineops.contract.user;

import java.util.List;

/**
 * A page of {@code GET /api/v1/users}, by username. {@code nextCursor} continues after the last item; null on the last
 * page. Keyset pages: an account created meanwhile appears on a later page only if its username sorts after the
 * cursor, and none is repeated.
 */
public record UserPage(List<UserView> items, String nextCursor) {

    public UserPage {
        items = List.copyOf(items);
    }
}
