package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for our own backend's wall stream, for the UI's tests only: the token endpoint
 * ({@code POST /api/v1/auth/token}) on a JDK HTTP server, and {@code wall.frames} on an RSocket TCP server that
 * insists on the bearer token it issued, in the setup and in each request, next to the route. Each subscriber
 * gets a SNAPSHOT of the current state, then UPDATEs as the test emits them. Both listen on random ports of
 * 127.0.0.1; the RSocket side can be stopped and started again on the same port.
 */
public final class FakeWallBackend implements AutoCloseable {

    public static final String USERNAME = "wall";
    public static final String PASSWORD = "wall-demo";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer http;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger streamRequests = new AtomicInteger();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<String> streamTokens = new CopyOnWriteArrayList<>();
    private final List<RSocket> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicReference<WallFrame> current = new AtomicReference<>(frame(FrameKind.SNAPSHOT, 0, 0));
    private volatile Sinks.Many<WallFrame> updates = newUpdates();
    private volatile CloseableChannel rsocket;
    private volatile int rsocketPort;

    private FakeWallBackend() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v1/auth/token", this::token);
        http.start();
        startRSocket(0);
    }

    public static FakeWallBackend start() {
        try {
            return new FakeWallBackend();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public int rsocketPort() {
        return rsocketPort;
    }

    /** How many tokens were asked for (good credentials or not). */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** How many {@code wall.frames} requests passed the route and token checks. */
    public int streamRequests() {
        return streamRequests.get();
    }

    /** The bearer token of each {@code wall.frames} request that passed, in order. */
    public List<String> streamTokens() {
        return List.copyOf(streamTokens);
    }

    /** Why setups or requests were refused, in order. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Publishes a new state to every subscriber, as an UPDATE; later subscribers get it as their SNAPSHOT. */
    public WallFrame emit(long offered, long answered) {
        WallFrame frame = frame(FrameKind.UPDATE, seq.incrementAndGet(), offered, answered);
        current.set(frame);
        updates.tryEmitNext(frame);
        return frame;
    }

    /** Publishes a prepared frame as-is. */
    public void emit(WallFrame frame) {
        current.set(frame);
        updates.tryEmitNext(frame);
    }

    /**
     * Ends every open stream with an error frame carrying {@code message}, as the backend ends a stream whose token
     * expired (decision 0043); the connections stay open.
     */
    public void endStreams(String message) {
        Sinks.Many<WallFrame> ending = updates;
        updates = newUpdates();
        ending.tryEmitError(new IllegalStateException(message));
    }

    /** Stops the RSocket server and drops every open connection, as a backend crash would. */
    public void stopRSocket() {
        CloseableChannel channel = rsocket;
        if (channel != null) {
            channel.dispose();
            channel.onClose().block();
            rsocket = null;
        }
        connections.forEach(RSocket::dispose);
        connections.clear();
        updates.tryEmitComplete();
        updates = newUpdates();
    }

    /** Starts the RSocket server again on the port it had. */
    public void restartRSocket() {
        startRSocket(rsocketPort);
    }

    @Override
    public void close() {
        stopRSocket();
        http.stop(0);
    }

    public static WallFrame frame(FrameKind kind, long seq, long offered) {
        return frame(kind, seq, offered, offered);
    }

    public static WallFrame frame(FrameKind kind, long seq, long offered, long answered) {
        Instant now = Instant.now();
        CallFigures today = new CallFigures(offered, answered, 0, 0, offered == 0 ? null : (double) answered / offered,
                null, null, null, null, 0, null, null, now);
        return new WallFrame(kind, seq, now, today, Map.of(CallQueue.GENERAL, today), AgentCounts.NONE,
                new TicketSummary(0, Map.of(TicketStatus.ACCEPTED, 0L)), CallPanel.empty(now), TicketBoard.EMPTY);
    }

    private static Sinks.Many<WallFrame> newUpdates() {
        return Sinks.many().multicast().directBestEffort();
    }

    private void startRSocket(int port) {
        rsocket = RSocketServer.create(this::accept)
                .bind(TcpServerTransport.create("127.0.0.1", port))
                .block();
        rsocketPort = rsocket.address().getPort();
    }

    private Mono<RSocket> accept(ConnectionSetupPayload setup, RSocket sendingSocket) {
        String token = RSocketMetadata.bearer(setup.metadata());
        if (token == null || !issuedTokens.contains(token)) {
            rejections.add("setup without a valid bearer token");
            return Mono.error(new RejectedSetupException("bearer token required"));
        }
        connections.add(sendingSocket);
        return Mono.just(new RSocket() {
            @Override
            public Flux<Payload> requestStream(Payload request) {
                try {
                    List<String> route = RSocketMetadata.route(request.metadata());
                    String requestToken = RSocketMetadata.bearer(request.metadata());
                    if (!route.equals(List.of("wall.frames"))) {
                        rejections.add("unknown route " + route);
                        return Flux.error(new IllegalArgumentException("no route " + route));
                    }
                    if (requestToken == null || !issuedTokens.contains(requestToken)) {
                        rejections.add("request without a valid bearer token");
                        return Flux.error(new IllegalStateException("bearer token required"));
                    }
                    streamTokens.add(requestToken);
                    streamRequests.incrementAndGet();
                    return Flux.concat(Mono.fromSupplier(() -> current.get().asKind(FrameKind.SNAPSHOT)),
                                    updates.asFlux())
                            .map(frame -> DefaultPayload.create(JSON.writeValueAsBytes(frame)));
                } finally {
                    request.release();
                }
            }
        });
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Map<?, ?> body = JSON.readValue(exchange.getRequestBody(), Map.class);
            if (!USERNAME.equals(body.get("username")) || !PASSWORD.equals(body.get("password"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String accessToken = "access-" + tokenRequests.get();
            issuedTokens.add(accessToken);
            byte[] answer = JSON.writeValueAsBytes(new TokenResponse(accessToken, "refresh", 900));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
