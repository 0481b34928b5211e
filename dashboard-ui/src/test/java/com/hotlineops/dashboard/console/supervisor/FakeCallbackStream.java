package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.dashboard.live.FakeStreamServer;
import java.util.List;

/**
 * A stand-in for the backend's {@code callbacks.tasks} stream, for the supervisor views' tests only (a
 * {@link FakeStreamServer}): each subscription stays open, sending nothing, until the test sends it items (the
 * snapshot first, as the backend would) or ends it with an error.
 */
final class FakeCallbackStream implements AutoCloseable {

    /** One subscriber of the stream. */
    static final class Subscription {

        private final FakeStreamServer.Subscription<String, CallbackStreamItem> stream;

        private Subscription(FakeStreamServer.Subscription<String, CallbackStreamItem> stream) {
            this.stream = stream;
        }

        /** The bearer token it subscribed with. */
        String token() {
            return stream.token();
        }

        void snapshot(CallbackTaskView... tasks) {
            stream.send(new CallbackStreamItem(CallbackChange.SNAPSHOT, List.of(tasks)));
        }

        void change(CallbackChange change, CallbackTaskView task) {
            stream.send(new CallbackStreamItem(change, List.of(task)));
        }

        /** Ends it with an error, as the backend ends a subscriber that fell behind or may have missed changes. */
        void fail(String message) {
            stream.fail(message);
        }

        /** Whether the console cancelled it (or closed its connection). */
        boolean cancelled() {
            return stream.cancelled();
        }
    }

    private final FakeStreamServer<String, CallbackStreamItem> server = new FakeStreamServer<>(
            route -> route.equals(SupervisorBackend.CALLBACK_STREAM) ? route : null);

    int port() {
        return server.port();
    }

    /** Every subscription since the last {@link #reset()}, in order. */
    List<Subscription> subscriptions() {
        return server.subscriptions().stream().map(Subscription::new).toList();
    }

    /** The {@code n}-th subscription (from 1) since the last {@link #reset()}, once it has come. */
    Subscription awaitSubscription(int n) {
        return new Subscription(server.awaitSubscription(SupervisorBackend.CALLBACK_STREAM, n));
    }

    /** Why setups or requests were refused, in order. */
    List<String> rejections() {
        return server.rejections();
    }

    /** Forgets the subscriptions so far (ending them, should any be left open). */
    void reset() {
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
