package com.hotlineops.contract.mobile;

/** What a feed item tells the phone. */
public enum FeedItemKind {
    /** One of the worker's open or offered tickets, sent when the feed starts. */
    CURRENT,
    /** The end of the initial list; live changes follow. */
    LIVE,
    /** A ticket was offered to the worker's grid or assigned to them. */
    OFFERED,
    /** The ticket changed and is still the worker's. */
    CHANGED,
    /** The ticket left the worker (taken by someone else, finished, withdrawn). */
    REMOVED,
    /**
     * The cursor the phone resumed from is older than the event stream keeps, so the changes since cannot be
     * replayed: the phone drops its list; the full list follows as CURRENT items, then LIVE, then live changes.
     */
    RESYNC
}
