package com.hotlineops.dashboard.console.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a work queue is in its keyset pages: the backend only gives a cursor to the page after the one shown
 * ({@code TicketPage.nextCursor}), so going back means remembering the cursors that led here. Page 1 has no cursor.
 */
final class CursorPages {

    private final List<String> cursors = new ArrayList<>();
    private String next;

    CursorPages() {
        cursors.add(null);
    }

    /** The cursor that loads the page shown now (null for the first). */
    String current() {
        return cursors.getLast();
    }

    /** The page now shown answered with this cursor for the page after it (null on the last page). */
    void shown(String nextCursor) {
        this.next = nextCursor;
    }

    int pageNumber() {
        return cursors.size();
    }

    boolean hasNext() {
        return next != null;
    }

    boolean hasPrevious() {
        return cursors.size() > 1;
    }

    /** Moves to the next page and returns its cursor. */
    String forward() {
        if (next == null) {
            throw new IllegalStateException("on the last page");
        }
        cursors.add(next);
        next = null;
        return current();
    }

    /** Moves to the previous page and returns its cursor. */
    String back() {
        if (!hasPrevious()) {
            throw new IllegalStateException("on the first page");
        }
        cursors.removeLast();
        next = null;
        return current();
    }

    /** Back to the first page (after a change that may have reordered the queue). */
    String restart() {
        cursors.clear();
        cursors.add(null);
        next = null;
        return null;
    }
}
