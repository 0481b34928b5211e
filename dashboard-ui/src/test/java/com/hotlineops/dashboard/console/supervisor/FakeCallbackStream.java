package com.hotlineops.dashboard.console.supervisor;

import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.dashboard.live.RSocketMetadata;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the backend's {@code callbacks.tasks} stream, for the supervisor views' tests only: an RSocket TCP
 * server on a random port of 127.0.0.1 that wants a bearer token in the setup and next to the route in the request,
 * as the backend does. Each subscription stays open, sending nothing, until the test sends it items (the snapshot
 * first, as the backend would) or ends it with an error; the test sees who subscribed with which token and whether
 * the console cancelled.
 */
final class FakeCallbackStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One subscriber of the stream. */
    static final class Subscription {

        private final String token;
        private final Sinks.Many<CallbackStreamItem> items = Sinks.many().unicast().onBackpressureBuffer();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        private Subscription(String token) {
            this.token = token;
        }

        /** The bearer token it subscribed with. */
        String token() {
            return token;
        }

        void snapshot(CallbackTaskView... tasks) {
            send(new CallbackStreamItem(CallbackChange.SNAPSHOT, List.of(tasks)));
        }

        void change(CallbackChange change, CallbackTaskView task) {
            send(new CallbackStreamItem(change, List.of(task)));
        }

        private void send(CallbackStreamItem item) {
            Sinks.EmitResult result = items.tryEmitNext(item);
            if (result.isFailure()) {
                throw new IllegalStateException("not sent: " + result);
            }
        }

        /** Ends it with an error, as the backend ends a subscriber that fell behind or may have missed changes. */
        void fail(String message) {
            items.tryEmitError(new IllegalStateException(message));
        }

        /** Whether the console cancelled it (or closed its connection). */
        boolean cancelled() {
            return cancelled.get();
        }
    }

    private final CloseableChannel server;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    FakeCallbackStream() {
        server = RSocketServer.create(this::accept).bind(TcpServerTransport.create("127.0.0.1", 0)).block();
    }

    int port() {
        return server.address().getPort();
    }

    /** Every subscription since the last {@link #reset()}, in order. */
    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The {@code n}-th subscription (from 1) since the last {@link #reset()}, once it has come. */
    Subscription awaitSubscription(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.size() >= n);
        return subscriptions.get(n - 1);
    }

    /** Why setups or requests were refused, in order. */
    List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Forgets the subscriptions so far (ending them, should any be left open). */
    void reset() {
        subscriptions.forEach(s -> s.items.tryEmitComplete());
        subscriptions.clear();
        rejections.clear();
    }

    @Override
    public void close() {
        server.dispose();
    }

    private Mono<RSocket> accept(ConnectionSetupPayload setup, RSocket sendingSocket) {
        String setupToken = RSocketMetadata.bearer(setup.metadata());
        if (setupToken == null) {
            rejections.add("setup without a bearer token");
            return Mono.error(new RejectedSetupException("bearer token required"));
        }
        return Mono.just(new RSocket() {
            @Override
            public Flux<Payload> requestStream(Payload request) {
                try {
                    List<String> route = RSocketMetadata.route(request.metadata());
                    String token = RSocketMetadata.bearer(request.metadata());
                    if (!route.equals(List.of(SupervisorBackend.CALLBACK_STREAM))) {
                        rejections.add("unknown route " + route);
                        return Flux.error(new IllegalArgumentException("no route " + route));
                    }
                    if (token == null || !token.equals(setupToken)) {
                        rejections.add("request without the setup's bearer token");
                        return Flux.error(new IllegalStateException("bearer token required"));
                    }
                    Subscription subscription = new Subscription(token);
                    subscriptions.add(subscription);
                    return subscription.items.asFlux()
                            .map(item -> DefaultPayload.create(JSON.writeValueAsBytes(item)))
                            .doFinally(signal -> {
                                if (signal == SignalType.CANCEL) {
                                    subscription.cancelled.set(true);
                                }
                            });
                } finally {
                    request.release();
                }
            }
        });
    }
}
