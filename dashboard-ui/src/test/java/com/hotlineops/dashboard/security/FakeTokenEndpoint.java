package com.hotlineops.dashboard.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our backend's token endpoint ({@code POST /api/v1/auth/token}) as the consoles meet it, for the UI's unit tests only:
 * one user, {@code supervisor1}/{@code supervisor1-demo}, with role SUPERVISOR; refresh tokens are {@code refresh-<n>}.
 * Tokens are JWT-shaped with the backend's claim names; the signature is not checked by the consoles.
 */
final class FakeTokenEndpoint implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-For of each request, "" when it had none. */
    final List<String> forwardedFor = new CopyOnWriteArrayList<>();
    volatile long expiresIn = 900;
    /** While set, every password login answers 429 like the backend's login throttle (decision 0037). */
    volatile boolean throttled;

    FakeTokenEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/auth/token", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            forwardedFor.add(Objects.requireNonNullElse(
                    exchange.getRequestHeaders().getFirst("X-Forwarded-For"), ""));
            boolean password = "supervisor1".equals(body.path("username").asString(null))
                    && "supervisor1-demo".equals(body.path("password").asString(null));
            boolean refresh = body.path("refreshToken").asString("").startsWith("refresh-");
            byte[] answer;
            int status;
            if (throttled && body.has("username")) {
                answer = """
                        {"type":"urn:hotline-ops:problem:too-many-logins","title":"Too many failed logins","status":429,
                         "detail":"Too many failed logins for this username; try again in 600 seconds"}"""
                        .getBytes(StandardCharsets.UTF_8);
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", "600");
            } else if (password || refresh) {
                int n = issued.incrementAndGet();
                answer = JSON.writeValueAsBytes(Map.of("accessToken", jwt(n), "refreshToken", "refresh-" + n,
                        "expiresIn", expiresIn));
                status = 200;
            } else {
                answer = """
                        {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Wrong username or password"}"""
                        .getBytes(StandardCharsets.UTF_8);
                status = 401;
            }
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static String jwt(int n) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(JSON.writeValueAsBytes(Map.of("sub", "00000000-0000-0000-0000-000000000001",
                "preferred_username", "supervisor1", "roles", List.of("SUPERVISOR"), "typ", "access", "n", n)));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
