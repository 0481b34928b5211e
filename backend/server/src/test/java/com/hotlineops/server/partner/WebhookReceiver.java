package com.hotlineops.server.partner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook endpoint on 127.0.0.1: records every callback as received and answers the status it is told to
 * ({@link #answer(int)}, 204 with no body to begin with). A test class holds one per test as
 * {@code @RegisterExtension final WebhookReceiver receiver = new WebhookReceiver();}: it listens from its creation and
 * stops after the test.
 */
final class WebhookReceiver implements AutoCloseable, AfterEachCallback {

    record Received(String signature, String eventIdHeader, String contentType, String userAgent, byte[] body,
            int answer) {

        JsonNode json(JsonMapper json) {
            return json.readTree(body);
        }

        /** The {@code t} of the signature header. */
        long timestamp() {
            for (String part : signature.split(",")) {
                if (part.startsWith("t=")) {
                    return Long.parseLong(part.substring(2));
                }
            }
            throw new AssertionError("no t= in " + signature);
        }

        /** Every {@code v1} of the signature header, in order. */
        List<String> signatures() {
            List<String> v1 = new ArrayList<>();
            for (String part : signature.split(",")) {
                if (part.startsWith("v1=")) {
                    v1.add(part.substring(3));
                }
            }
            return v1;
        }

        /** Whether {@code v1} is the HMAC-SHA256 of "t.body" with this secret. */
        boolean signedWith(String secret, String v1) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp() + ".").getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(v1));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private volatile String answerBody = "";

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.get();
            byte[] reply = answerBody.getBytes(StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("X-Hotline-Signature"), headers.getFirst("X-Hotline-Event-Id"),
                    headers.getFirst("Content-Type"), headers.getFirst("User-Agent"), body, status));
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(int status) {
        answer(status, "");
    }

    /** Answers this status with this body (UTF-8 text) from now on. */
    void answer(int status, String body) {
        answerBody = body;
        answer.set(status);
    }

    /** The callbacks received for one ticket, in order. */
    List<Received> forTicket(JsonMapper json, String ticketNumber) {
        return received.stream().filter(r -> ticketNumber.equals(r.json(json).get("ticketNumber").asString()))
                .toList();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
