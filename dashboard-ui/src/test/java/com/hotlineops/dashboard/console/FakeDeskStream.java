package com.hotlineops.dashboard.console;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.contract.ticket.DeskTicketChange;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.dashboard.live.FakeStreamServer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the backend's {@code desk.changes.<DESK>} streams, for the desk views' tests (a
 * {@link FakeStreamServer}): each subscription stays open, sending nothing, until the test opens it, sends it changes
 * or ends it with an error.
 */
public final class FakeDeskStream implements AutoCloseable {

    private static final String ROUTE = "desk.changes.";
    private static final FakeDeskStream SHARED = new FakeDeskStream();

    /** One subscriber of a desk's stream. */
    public static final class Subscription {

        private final FakeStreamServer.Subscription<Desk, DeskStreamItem> stream;

        private Subscription(FakeStreamServer.Subscription<Desk, DeskStreamItem> stream) {
            this.stream = stream;
        }

        public Desk desk() {
            return stream.key();
        }

        /** The bearer token it subscribed with. */
        public String token() {
            return stream.token();
        }

        /** The stream is open, as the backend says first. */
        public void opened() {
            stream.send(DeskStreamItem.opened());
        }

        public void changed(UUID ticket, TicketStatus status, long version) {
            stream.send(DeskStreamItem.changed(new DeskTicketChange(ticket, status, version)));
        }

        /** Ends it with an error, as the backend ends a subscriber that fell behind or may have missed changes. */
        public void fail(String message) {
            stream.fail(message);
        }

        /** Whether the console cancelled it (or closed its connection). */
        public boolean cancelled() {
            return stream.cancelled();
        }
    }

    private final FakeStreamServer<Desk, DeskStreamItem> server = new FakeStreamServer<>(FakeDeskStream::desk);

    private FakeDeskStream() {
    }

    private static Desk desk(String route) {
        return route.startsWith(ROUTE) ? Arrays.stream(Desk.values())
                .filter(d -> d.name().equals(route.substring(ROUTE.length()))).findFirst().orElse(null) : null;
    }

    /** The one stand-in, for the one application context of the desk view tests. */
    public static FakeDeskStream shared() {
        return SHARED;
    }

    public int port() {
        return server.port();
    }

    /** The subscriptions to {@code desk} since the last {@link #reset()}, in order. */
    public List<Subscription> subscriptions(Desk desk) {
        return server.of(desk).stream().map(Subscription::new).toList();
    }

    /** The {@code n}-th subscription (from 1) to {@code desk} since the last {@link #reset()}, once it has come. */
    public Subscription awaitSubscription(Desk desk, int n) {
        return new Subscription(server.awaitSubscription(desk, n));
    }

    /** Why setups or requests were refused, in order. */
    public List<String> rejections() {
        return server.rejections();
    }

    /** Forgets the subscriptions so far (ending them, should any be left open). */
    public void reset() {
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
