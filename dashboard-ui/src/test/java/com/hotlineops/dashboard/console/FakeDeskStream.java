package com.hotlineops.dashboard.console;

import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.contract.ticket.DeskTicketChange;
import com.hotlineops.contract.ticket.TicketStatus;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the backend's {@code desk.changes.<DESK>} streams, for the desk views' tests: an RSocket TCP server
 * on a random port of 127.0.0.1 that wants a bearer token in the setup and next to the route in the request, as the
 * backend does. Each subscription stays open, sending nothing, until the test opens it, sends it changes or ends it
 * with an error; the test sees who subscribed to which desk with which token and whether the console cancelled.
 */
public final class FakeDeskStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUTE = "desk.changes.";
    private static final FakeDeskStream SHARED = new FakeDeskStream();

    /** One subscriber of a desk's stream. */
    public static final class Subscription {

        private final Desk desk;
        private final String token;
        private final Sinks.Many<DeskStreamItem> items = Sinks.many().unicast().onBackpressureBuffer();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        private Subscription(Desk desk, String token) {
            this.desk = desk;
            this.token = token;
        }

        public Desk desk() {
            return desk;
        }

        /** The bearer token it subscribed with. */
        public String token() {
            return token;
        }

        /** The stream is open, as the backend says first. */
        public void opened() {
            send(DeskStreamItem.opened());
        }

        public void changed(UUID ticket, TicketStatus status, long version) {
            send(DeskStreamItem.changed(new DeskTicketChange(ticket, status, version)));
        }

        private void send(DeskStreamItem item) {
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

    private final CloseableChannel server;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    private FakeDeskStream() {
        server = RSocketServer.create(this::accept).bind(TcpServerTransport.create("127.0.0.1", 0)).block();
    }

    /** The one stand-in, for the one application context of the desk view tests. */
    public static FakeDeskStream shared() {
        return SHARED;
    }

    public int port() {
        return server.address().getPort();
    }

    /** The subscriptions to {@code desk} since the last {@link #reset()}, in order. */
    public List<Subscription> subscriptions(Desk desk) {
        return subscriptions.stream().filter(s -> s.desk == desk).toList();
    }

    /** The {@code n}-th subscription (from 1) to {@code desk} since the last {@link #reset()}, once it has come. */
    public Subscription awaitSubscription(Desk desk, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions(desk).size() >= n);
        return subscriptions(desk).get(n - 1);
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
                    Desk desk = route.size() == 1 && route.getFirst().startsWith(ROUTE)
                            ? Desk.valueOf(route.getFirst().substring(ROUTE.length())) : null;
                    if (desk == null) {
                        rejections.add("unknown route " + route);
                        return Flux.error(new IllegalArgumentException("no route " + route));
                    }
                    if (token == null || !token.equals(setupToken)) {
                        rejections.add("request without the setup's bearer token");
                        return Flux.error(new IllegalStateException("bearer token required"));
                    }
                    Subscription subscription = new Subscription(desk, token);
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
