package com.hotlineops.core.support;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The keyset pages of the administration lists read newest first by a row id (a partner's callbacks and changes,
 * decision 0038; an account's changes, decision 0032): the cursor is the {@code nextCursor} of the previous page, the
 * last id it held, and a page is read one row beyond its size to know whether another follows.
 */
public final class IdCursor {

    private IdCursor() {
    }

    /**
     * The id the next page's rows lie below; every id for no cursor.
     *
     * @param invalid the feature's bad-input exception, thrown when {@code cursor} is not one a page gave
     */
    public static long before(String cursor, Function<String, ? extends RuntimeException> invalid) {
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
        throw invalid.apply("cursor must be the nextCursor of a previous page");
    }

    /**
     * The page of {@code rows}, read newest first with a limit of {@code size + 1}: the first {@code size} of them,
     * and the last one's id as {@code nextCursor} when there were more; null when this is the last page.
     */
    public static <T, P> P page(List<T> rows, int size, ToLongFunction<T> id, BiFunction<List<T>, String, P> page) {
        return rows.size() > size
                ? page.apply(rows.subList(0, size), Long.toString(id.applyAsLong(rows.get(size - 1))))
                : page.apply(rows, null);
    }
}
