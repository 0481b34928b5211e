package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Status callbacks (decision 0016) to a real HTTP receiver on 127.0.0.1 that refuses the first attempts: retried with
 * growing waits, signed, the same eventId on every attempt, and never sent again once acknowledged.
 */
class WebhookDeliveryIntegrationTests extends BackendIntegrationTest {

    /** Attempts the receiver answers 500 before it accepts. */
    private static final int REFUSED = 2;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger(REFUSED);

    record Received(long nanos, String signature, String eventIdHeader, String contentType, byte[] body, int answer) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = refusals.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("X-Hotline-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Hotline-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private JsonNode body(Received r) {
        return json.readTree(r.body());
    }

    private List<Received> forTicket(String number) {
        return received.stream().filter(r -> number.equals(body(r).get("ticketNumber").asString())).toList();
    }

    /** The partner's check: HMAC-SHA256 over "t.body" with its secret, compared in constant time, t recent. */
    private static boolean signedBy(String secret, Received r) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : r.signature().split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + new String(r.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        boolean recent = Math.abs(Instant.now().getEpochSecond() - t) < 300;
        return recent && MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }

    @Test
    void statusChangeIsRetriedWithBackoffUntilAcknowledgedSignedAndNeverSentAgain() throws Exception {
        PartnerCredentials partner = PartnerFixtures.register(http, token(http, "admin"),
                PartnerFixtures.uniqueName("app"), List.of(Channel.CITY_APP), hookUrl());
        String externalId = "app-" + UUID.randomUUID();
        IntakeResult intake = http.post().uri("/api/v1/intake").header("X-Api-Key", partner.apiKey())
                .bodyValue(new IntakeRequest(Channel.CITY_APP, externalId, new Citizen("赵六", "13700003333"),
                        "路灯不亮", "人民路口路灯连续三晚不亮", "0101", "人民路", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody();
        String number = intake.ticket().number();

        await().atMost(Duration.ofSeconds(30)).until(() -> forTicket(number).size() == REFUSED + 1);
        List<Received> attempts = forTicket(number);
        assertThat(attempts).extracting(Received::answer).containsExactly(500, 500, 204);
        String eventId = body(attempts.get(0)).get("eventId").asString();
        TicketEventView submitted = http.get().uri("/api/v1/tickets/" + intake.ticket().id() + "/history")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                .expectBodyList(TicketEventView.class).returnResult().getResponseBody().stream()
                .filter(e -> e.to() == TicketStatus.PENDING_DISPATCH).findFirst().orElseThrow();
        for (Received r : attempts) {
            assertThat(signedBy(partner.webhookSecret(), r)).as("signature %s", r.signature()).isTrue();
            assertThat(signedBy("another-secret", r)).isFalse();
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.eventIdHeader()).isEqualTo(eventId);
            JsonNode b = body(r);
            assertThat(b.get("eventId").asString()).isEqualTo(eventId);
            assertThat(b.get("externalId").asString()).isEqualTo(externalId);
            assertThat(b.get("status").asString()).isEqualTo("PENDING_DISPATCH");
            assertThat(Instant.parse(b.get("occurredAt").asString())).isEqualTo(submitted.occurredAt());
        }
        // Exponential backoff: 200 ms after the first failure, 400 ms after the second (the test's settings).
        assertThat(attempts.get(1).nanos() - attempts.get(0).nanos()).isGreaterThanOrEqualTo(190_000_000L);
        assertThat(attempts.get(2).nanos() - attempts.get(1).nanos()).isGreaterThanOrEqualTo(390_000_000L);

        Map<String, Object> row = db.sql("""
                        select state, attempts, delivered_at is not null as delivered from webhook_delivery
                         where event_id = :e""").bind("e", UUID.fromString(eventId))
                .fetch().one().block();
        assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", REFUSED + 1)
                .containsEntry("delivered", true);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> forTicket(number).size() == REFUSED + 1);

        // The next change is delivered at once, with its own eventId.
        http.post().uri("/api/v1/tickets/" + intake.ticket().id() + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> forTicket(number).size() == REFUSED + 2);
        Received dispatched = forTicket(number).get(REFUSED + 1);
        assertThat(body(dispatched).get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(body(dispatched).get("eventId").asString()).isNotEqualTo(eventId);
        assertThat(dispatched.answer()).isEqualTo(204);
    }

    @Test
    void ticketsNotSubmittedByThePartnerProduceNoCallback() {
        PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), hookUrl());
        IntakeResult byAgent = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(new IntakeRequest(Channel.CITY_APP, "desk-" + UUID.randomUUID(), null, "停水",
                        "小区停水两天", "0104", null, null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody();
        Long rows = db.sql("select count(*) as n from webhook_delivery where ticket_id = :t")
                .bind("t", byAgent.ticket().id()).map(r -> r.get("n", Long.class)).one().block();
        assertThat(rows).isZero();
    }
}
