package com.hotlineops.dashboard.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our backend's HTTP API as the desk consoles meet it, for the UI's tests only: each test says what a route answers
 * (a JSON body, or an RFC 9457 problem), and every request is kept so that a test can check what the console sent.
 * A route nobody set up answers 404 as a problem. One instance serves every desk view test of a JVM.
 */
public final class FakeDeskBackend {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FakeDeskBackend SHARED = new FakeDeskBackend();

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * A request as received: path without the query, the query parameters decoded, the body as text, the
     * Authorization header.
     */
    public record Request(String method, String path, Map<String, String> query, String body, String authorization) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public record Answer(int status, Object body) {
    }

    private FakeDeskBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeDeskBackend shared() {
        return SHARED;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Forgets every route and request. */
    public void reset() {
        routes.clear();
        requests.clear();
    }

    /** {@code method path} answers 200 with this body, serialised as JSON. */
    public void on(String method, String path, Object body) {
        on(method, path, request -> new Answer(200, body));
    }

    public void on(String method, String path, Function<Request, Answer> answer) {
        routes.put(method + " " + path, answer);
    }

    /** {@code method path} answers a problem with this status and detail. */
    public void problem(String method, String path, int status, String detail) {
        on(method, path, request -> new Answer(status, Map.of("type", "about:blank", "title", "Problem", "status",
                status, "detail", detail)));
    }

    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Function<Request, Answer> route = routes.get(request.method() + " " + request.path());
            Answer answer = route != null ? route.apply(request) : new Answer(404, Map.of("type", "about:blank",
                    "title", "Not Found", "status", 404, "detail", "No route " + request.path()));
            byte[] body = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type",
                    answer.status() < 400 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }
}
