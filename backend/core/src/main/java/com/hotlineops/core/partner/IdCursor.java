package com.hotlineops.core.partner;

/**
 * The cursor of the partner lists paged newest first by a row id (a partner's callbacks, its changes): the
 * {@code nextCursor} of the previous page, the last id it held.
 */
final class IdCursor {

    private IdCursor() {
    }

    /** The id the next page's rows lie below; every id for no cursor. */
    static long before(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long id = Long.parseLong(cursor.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidPartnerException("cursor must be the nextCursor of a previous page");
    }
}
