package com.hotlineops.dashboard.live;

import static org.awaitility.Awaitility.await;

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
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one of the backend's request-streams, for the consoles' tests: an RSocket TCP server on a random
 * port of 127.0.0.1 that wants a bearer token in the setup and the same one next to the route in the request, as the
 * backend does. Each subscription stays open, sending nothing, until the test sends it items or ends it with an error;
 * the test sees who subscribed to what with which token, whether the console cancelled, and why requests were refused.
 *
 * @param <K> what a route names (the route itself, a desk …), as {@code routes} reads it; null for a route not served
 * @param <T> the items the stream sends, as JSON
 */
public final class FakeStreamServer<K, T> implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One subscriber of the stream. */
    public static final class Subscription<K, T> {

        private final K key;
        private final String token;
        private final Sinks.Many<T> items = Sinks.many().unicast().onBackpressureBuffer();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        private Subscription(K key, String token) {
            this.key = key;
            this.token = token;
        }

        /** What its route named. */
        public K key() {
            return key;
        }

        /** The bearer token it subscribed with. */
        public String token() {
            return token;
        }

        public void send(T item) {
            Sinks.EmitResult result = items.tryEmitNext(item);
            if (result.isFailure()) {
                throw new IllegalStateException("not sent: " + result);
            }
        }

        /** Ends it with an error, as the backend ends a subscriber that fell behind or may have missed changes. */
        public void fail(String message) {
            items.tryEmitError(new IllegalStateException(message));
        }

        /** Whether the console cancelled it (or closed its connection). */
        public boolean cancelled() {
            return cancelled.get();
        }
    }

    private final Function<String, K> routes;
    private final CloseableChannel server;
    private final List<Subscription<K, T>> subscriptions = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    /** @param routes what a requested route names, or null when the route is not this stream's */
    public FakeStreamServer(Function<String, K> routes) {
        this.routes = routes;
        server = RSocketServer.create(this::accept).bind(TcpServerTransport.create("127.0.0.1", 0)).block();
    }

    public int port() {
        return server.address().getPort();
    }

    /** Every subscription since the last {@link #reset()}, in order. */
    public List<Subscription<K, T>> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The {@code n}-th subscription (from 1) to {@code key} since the last {@link #reset()}, once it has come. */
    public Subscription<K, T> awaitSubscription(K key, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> of(key).size() >= n);
        return of(key).get(n - 1);
    }

    /** The subscriptions to {@code key} since the last {@link #reset()}, in order. */
    public List<Subscription<K, T>> of(K key) {
        return subscriptions.stream().filter(s -> s.key.equals(key)).toList();
    }

    /** Why setups or requests were refused, in order. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Forgets the subscriptions so far (ending them, should any be left open). */
    public void reset() {
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
                    K key = route.size() == 1 ? routes.apply(route.getFirst()) : null;
                    if (key == null) {
                        rejections.add("unknown route " + route);
                        return Flux.error(new IllegalArgumentException("no route " + route));
                    }
                    if (token == null || !token.equals(setupToken)) {
                        rejections.add("request without the setup's bearer token");
                        return Flux.error(new IllegalStateException("bearer token required"));
                    }
                    Subscription<K, T> subscription = new Subscription<>(key, token);
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
