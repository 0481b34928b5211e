package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The line kept as a callback's {@code lastError}, from what the JDK's HTTP client really does against a port nobody
 * listens on, one that accepts and never answers, and a local server that refuses with a long body or redirects.
 */
class AttemptFailureTests {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpResponse<String> post(URI url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return client.sendAsync(request, AttemptFailure.bodyPrefix()).get(10, TimeUnit.SECONDS);
    }

    private Throwable failure(URI url) {
        try {
            post(url);
        } catch (ExecutionException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the request to " + url + " did not fail");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private URI serve(int status, String body, String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void refusedConnectionThenSaysSoWithHostAndPortNotJustTheExceptionsName() throws IOException {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/hook");

        String line = AttemptFailure.unanswered(failure(url), url, TIMEOUT);

        assertThat(line).isEqualTo("connection refused: 127.0.0.1:" + port);
    }

    @Test
    void endpointThatAcceptsAndNeverAnswersThenNoAnswerWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accepting = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook");

            String line = AttemptFailure.unanswered(failure(url), url, TIMEOUT);

            assertThat(line).isEqualTo("no answer within 300 ms from 127.0.0.1:" + silent.getLocalPort());
            accepting.interrupt();
        }
    }

    @Test
    void errorWhoseBodyTricklesInThenCutOffAfterTwiceTheTimeoutAndSaidSo() throws Exception {
        try (ServerSocket slow = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = Thread.ofVirtual().start(() -> {
                try (Socket s = slow.accept()) {
                    s.getOutputStream().write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100000\r\n\r\n"
                            + "still writing").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            URI url = URI.create("http://127.0.0.1:" + slow.getLocalPort() + "/hook");
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            Throwable cut = null;
            try {
                client.sendAsync(request, AttemptFailure.bodyPrefix())
                        .orTimeout(AttemptFailure.wholeAnswer(TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                cut = e;
            }

            assertThat(AttemptFailure.unanswered(cut, url, TIMEOUT))
                    .isEqualTo("answer not complete within 600 ms from 127.0.0.1:" + slow.getLocalPort());
            answering.interrupt();
        }
    }

    @Test
    void serverErrorThenStatusAndTheFirst200CharactersOfItsBodyOnOneLine() throws Exception {
        String body = "数据库不可用\n\t" + "x".repeat(5_000);
        HttpResponse<String> response = post(serve(500, body, null));

        String line = AttemptFailure.answered(response.statusCode(), response.body(), null);

        assertThat(response.body()).as("read no further than needed")
                .hasSizeLessThanOrEqualTo(AttemptFailure.BODY_BYTES);
        assertThat(line).startsWith("HTTP 500: 数据库不可用 xxx").hasSize("HTTP 500: ".length() + 200)
                .endsWith("x…");
    }

    @Test
    void errorWithoutBodyThenJustTheStatus() throws Exception {
        HttpResponse<String> response = post(serve(503, "", null));

        assertThat(AttemptFailure.answered(response.statusCode(), response.body(), null)).isEqualTo("HTTP 503");
    }

    @Test
    void redirectThenSaysItIsNotFollowedAndWhereItPointed() throws Exception {
        HttpResponse<String> response = post(serve(301, "", "https://new.example.cn/hook"));

        assertThat(AttemptFailure.answered(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null)))
                .isEqualTo("HTTP 301 (redirects are not followed) to https://new.example.cn/hook");
    }

    @Test
    void successThenItsBodyIsNotRead() throws Exception {
        HttpResponse<String> response = post(serve(200, "ok".repeat(1000), null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unknownHostAsTheClientReportsItThenNamesTheHost() {
        // What the JDK's client throws when the name does not resolve (not looked up here: DNS is not the test's).
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());

        assertThat(AttemptFailure.unanswered(new CompletionException(unresolved),
                URI.create("https://hooks.example.invalid/hotline"), TIMEOUT))
                .isEqualTo("unknown host: hooks.example.invalid");
    }

    @Test
    void anyLineIsBounded() {
        String line = AttemptFailure.unanswered(new IllegalStateException("y".repeat(10_000)),
                URI.create("https://hooks.example.cn/hotline"), Duration.ofSeconds(10));

        assertThat(line).hasSize(AttemptFailure.MAX)
                .startsWith("request to hooks.example.cn:443 failed: IllegalStateException: yyy");
    }
}
