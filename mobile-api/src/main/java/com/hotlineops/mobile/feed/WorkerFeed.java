package com.hotlineops.mobile.feed;

import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.mobile.ticket.WorkerList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one open feed knows of the phone's list, and so what each change means to it. Not thread-safe: a feed
 * applies its changes one after the other.
 *
 * <p>A feed that started with the full list knows exactly which tickets the phone holds. A resumed feed does not:
 * for a ticket it has not met yet, it assumes the phone holds it if the ticket was on the worker's list just before
 * the change ({@link WorkerList#containedBefore}), which is what the phone saw if it was up to date at its cursor.
 */
final class WorkerFeed {

    /** What to do about a change. */
    enum Decision {
        /** Nothing for this phone: not its ticket, or already reflected. */
        SKIP,
        /** Load the ticket and send it as {@link FeedItemKind#OFFERED}: it joins the list. */
        OFFER,
        /** Load the ticket and send it as {@link FeedItemKind#CHANGED}: it stays on the list. */
        CHANGE,
        /** Send {@link FeedItemKind#REMOVED} without loading: the ticket left the list. */
        REMOVE
    }

    private final Actor worker;
    private final boolean knowsPhoneList;
    /** Tickets on the phone's list, with the version the phone has. */
    private final Map<UUID, Long> listed = new HashMap<>();
    /** For a resumed feed: tickets whose place on the phone this feed has decided. */
    private final Set<UUID> settled = new HashSet<>();

    private WorkerFeed(Actor worker, boolean knowsPhoneList) {
        this.worker = worker;
        this.knowsPhoneList = knowsPhoneList;
    }

    /** A feed that sends the full list first. */
    static WorkerFeed fromScratch(Actor worker) {
        return new WorkerFeed(worker, true);
    }

    /** A feed that continues after a cursor, not knowing what the phone holds. */
    static WorkerFeed resumed(Actor worker) {
        return new WorkerFeed(worker, false);
    }

    Actor worker() {
        return worker;
    }

    FeedItem current(String cursor, TicketView ticket) {
        listed.put(ticket.id(), ticket.version());
        return new FeedItem(FeedItemKind.CURRENT, cursor, ticket);
    }

    Decision decide(TicketChanged change) {
        UUID id = change.ticketId();
        Long known = listed.get(id);
        if (known != null && known >= change.version()) {
            return Decision.SKIP;
        }
        boolean phoneHasIt = known != null
                || (!knowsPhoneList && !settled.contains(id) && WorkerList.containedBefore(change, worker));
        if (!knowsPhoneList) {
            settled.add(id);
        }
        if (WorkerList.containedAfter(change, worker)) {
            return phoneHasIt ? Decision.CHANGE : Decision.OFFER;
        }
        if (phoneHasIt) {
            listed.remove(id);
            return Decision.REMOVE;
        }
        return Decision.SKIP;
    }

    /**
     * The item for an OFFER or CHANGE decision, given the ticket as loaded now ({@code null} if the worker may no
     * longer see it). When the ticket has moved on since the change (a newer version), this change says nothing: the
     * change that moved it is written with it (every version is) and comes after this one to this feed — a change
     * that takes a ticket off the list concerns the worker who had it — so that later change tells the phone where
     * the ticket is, at its own cursor. An item therefore never carries a state newer than its cursor, and a phone
     * resuming from that cursor is not told the same thing twice (decision 0039).
     */
    FeedItem loaded(String cursor, TicketChanged change, Decision decision, TicketView now) {
        if (now != null && now.version() > change.version()) {
            if (decision == Decision.CHANGE) {
                // the phone still holds it as it was before this change, which a resumed feed knows only from here
                listed.putIfAbsent(change.ticketId(), change.version() - 1);
            }
            return null;
        }
        if (now != null && WorkerList.contains(now, worker)) {
            listed.put(now.id(), now.version());
            return new FeedItem(decision == Decision.CHANGE ? FeedItemKind.CHANGED : FeedItemKind.OFFERED, cursor,
                    now);
        }
        if (decision == Decision.CHANGE) {
            listed.remove(change.ticketId());
            return removed(cursor, change);
        }
        return null;
    }

    /**
     * A REMOVED item carries only what the phone already knew (id, number, version) and the new state, so a
     * phone can say "taken by a colleague" or "sent to audit" without seeing a ticket that is no longer its own.
     */
    FeedItem removed(String cursor, TicketChanged change) {
        return new FeedItem(FeedItemKind.REMOVED, cursor,
                tombstone(change.ticketId(), change.number(), change.to(), change.version()));
    }

    private static TicketView tombstone(UUID id, String number, TicketStatus status, long version) {
        return new TicketView(id, number, null, status, null, null, null, null, null, null, null, null, null, null,
                null, null, null, version);
    }
}
