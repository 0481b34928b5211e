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

/**
 * A stand-in for the backend's HTTP API, for the console's tests only (supervisor, report and admin views): it
 * answers each {@code METHOD path} with what the test set (JSON, or an RFC 9457 problem) and records every request it
 * got, query and body included — but the wall's sign-in: the application-wide {@code LiveWall} of the test's Spring
 * context signs in as the wall account at this same address and retries in the background whenever it likes, so it is
 * answered (404) and left out, and a test's "nothing was sent" speaks of the page under test alone.
 */
public final class FakeBackend implements AutoCloseable {

    /** One request as it arrived; {@code query} decoded, a repeated name keeps its last value. */
    public record Request(String method, String path, Map<String, String> query, String body, String contentType) {
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!isWallSignIn(path, body)) {
            requests.add(new Request(method, path, query(exchange.getRequestURI().getRawQuery()), body,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
        }
        Answer answer = answers.getOrDefault(method + " " + path, new Answer(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"not in the fake\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
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

    /** Answer {@code METHOD path} with 200 and this JSON. */
    public FakeBackend json(String methodAndPath, String json) {
        answers.put(methodAndPath, new Answer(200, "application/json", json));
        return this;
    }

    /** Answer {@code METHOD path} with this status (201 for a creation) and this JSON. */
    public FakeBackend json(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, "application/json", json));
        return this;
    }

    /** Answer {@code METHOD path} with this status and an RFC 9457 problem carrying {@code detail}. */
    public FakeBackend problem(String methodAndPath, int status, String detail) {
        answers.put(methodAndPath, new Answer(status, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail
                        + "\"}"));
        return this;
    }

    /** Answer {@code METHOD path} with 200 and these bytes (a report file). */
    public FakeBackend file(String methodAndPath, String contentType, String body) {
        answers.put(methodAndPath, new Answer(200, contentType, body));
        return this;
    }

    private static boolean isWallSignIn(String path, String body) {
        return path.equals("/api/v1/auth/token") && body.replace(" ", "").contains("\"username\":\"wall\"");
    }

    public FakeBackend noContent(String methodAndPath) {
        answers.put(methodAndPath, new Answer(204, "application/json", ""));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public Request last(String method, String path) {
        List<Request> matching = requests(method, path);
        if (matching.isEmpty()) {
            throw new AssertionError("no " + method + " " + path + " among " + requests);
        }
        return matching.getLast();
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
