package com.hotlineops.systemtests;

import com.hotlineops.local.LocalSystem;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Lets an outside client script stop and start one app of the running system at the moment it chooses, e.g. the
 * backend under an open wall: {@code POST /{app}/stop} and {@code POST /{app}/start} (app as in
 * {@link LocalSystem.App}, lower case) on a loopback port, each answering once the app has exited or is healthy.
 */
final class SystemControl implements AutoCloseable {

    private final HttpServer server;

    private SystemControl(HttpServer server) {
        this.server = server;
    }

    static SystemControl start(LocalSystem system) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (LocalSystem.App app : LocalSystem.App.values()) {
            String name = app.name().toLowerCase();
            server.createContext("/" + name + "/stop", exchange -> answer(exchange, () -> system.stop(app)));
            server.createContext("/" + name + "/start", exchange -> answer(exchange, () -> system.restart(app)));
        }
        server.start();
        return new SystemControl(server);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Action {
        void run() throws IOException, InterruptedException;
    }

    private static void answer(HttpExchange exchange, Action action) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            int status;
            String body;
            try {
                action.run();
                status = 200;
                body = "done";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 500;
                body = e.toString();
            } catch (IOException | RuntimeException e) {
                status = 500;
                body = e.toString();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
