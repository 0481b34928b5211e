package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Changing a partner's channels and webhook URL (decision 0033) on real PostgreSQL, with a real refused port and a
 * real HTTP receiver: the callback waiting for a dead endpoint says why it failed, goes to the new URL at once with the
 * same eventId, and says what the new endpoint answered; removing the URL holds callbacks; bad patches change nothing;
 * only administrators may patch.
 */
class PartnerUpdateIntegrationTests extends BackendIntegrationTest {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    /** A port on this machine nobody listens on: a connection to it is refused. */
    private static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private WebTestClient.ResponseSpec patch(String user, UUID id, String body) {
        return http.patch().uri("/api/v1/admin/partners/" + id).headers(h -> h.setBearerAuth(token(http, user)))
                .contentType(MERGE_PATCH).bodyValue(body).exchange();
    }

    private PartnerView patched(UUID id, String body) {
        return patch("admin", id, body).expectStatus().isOk().expectBody(PartnerView.class).returnResult()
                .getResponseBody();
    }

    private PartnerView view(UUID id) {
        return http.get().uri("/api/v1/admin/partners/" + id).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk().expectBody(PartnerView.class).returnResult().getResponseBody();
    }

    private List<WebhookDeliveryView> deliveries(UUID id) {
        return http.get().uri("/api/v1/admin/partners/" + id + "/deliveries")
                .headers(h -> h.setBearerAuth(token(http, "admin"))).exchange().expectStatus().isOk()
                .expectBody(WebhookDeliveryPage.class).returnResult().getResponseBody().items();
    }

    private WebhookDeliveryView only(UUID id) {
        List<WebhookDeliveryView> all = deliveries(id);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private WebTestClient.ResponseSpec submit(String apiKey, Channel channel) {
        return http.post().uri("/api/v1/intake").header("X-Api-Key", apiKey)
                .bodyValue(new IntakeRequest(channel, "app-" + UUID.randomUUID(), new Citizen("赵六", "13700003333"),
                        "路灯不亮", "人民路口路灯连续三晚不亮", "0101", "人民路", null, null))
                .exchange();
    }

    private IntakeResult created(String apiKey) {
        return submit(apiKey, Channel.CITY_APP).expectStatus().isCreated().expectBody(IntakeResult.class)
                .returnResult().getResponseBody();
    }

    /** Waits until no attempt of the partner's callbacks is on the wire. */
    @Test
    void newWebhookUrlGetsTheWaitingCallbackAtOnceWithItsEventIdAndEachFailureSaysWhy() throws IOException {
        int dead = refusedPort();
        PartnerCredentials p = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), "http://127.0.0.1:" + dead + "/hook");
        UUID id = p.partner().id();
        IntakeResult ticket = created(p.apiKey());

        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).lastError() != null);
        WebhookDeliveryView refused = only(id);
        assertThat(refused.lastError()).isEqualTo("connection refused: 127.0.0.1:" + dead);
        assertThat(refused.lastHttpStatus()).isNull();
        assertThat(refused.state()).isEqualTo(DeliveryState.PENDING);

        // The real schedule waits up to an hour between attempts: hold the partner, push the next attempt an hour
        // out, and release it, so only the change of URL can make the callback go out now.
        http.post().uri("/api/v1/admin/partners/" + id + "/disable").headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk();
        PartnerFixtures.settled(db, id);
        db.sql("update webhook_delivery set next_attempt_at = now() + interval '1 hour' where partner_id = :p")
                .bind("p", id).then().block();
        http.post().uri("/api/v1/admin/partners/" + id + "/enable").headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk();
        int attemptsBefore = only(id).attempts();

        String page = "<html><body>\n<h1>503 维护中</h1>\n" + "请稍后再试。".repeat(100) + "</body></html>";
        receiver.answer(500, page);
        PartnerView moved = patched(id, "{\"webhookUrl\": \"" + receiver.url() + "\"}");
        assertThat(moved.webhookUrl()).isEqualTo(receiver.url());
        assertThat(moved.channels()).containsExactly(Channel.CITY_APP);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !receiver.forTicket(json, ticket.ticket().number()).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> Integer.valueOf(500).equals(only(id).lastHttpStatus()));
        WebhookDeliveryView answered = only(id);
        assertThat(answered.eventId()).isEqualTo(refused.eventId());
        assertThat(answered.attempts()).as("attempts kept").isGreaterThan(attemptsBefore);
        String first200 = page.replaceAll("\\s+", " ").substring(0, 199);
        assertThat(answered.lastError()).isEqualTo("HTTP 500: " + first200 + "…");
        assertThat(receiver.forTicket(json, ticket.ticket().number()).getFirst().eventIdHeader())
                .isEqualTo(refused.eventId().toString());

        receiver.answer(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).state() == DeliveryState.DELIVERED);
        assertThat(only(id).lastError()).isNull();
    }

    @Test
    void webhookUrlRemovedThenNoCallbackIsQueuedAndTheWaitingOneIsHeldUntilAUrlIsSetAgain() {
        receiver.answer(500);
        PartnerCredentials p = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), receiver.url());
        UUID id = p.partner().id();
        IntakeResult ticket = created(p.apiKey());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forTicket(json, ticket.ticket().number()).isEmpty());

        PartnerView removed = patched(id, "{\"webhookUrl\": null}");
        assertThat(removed.webhookUrl()).isNull();
        PartnerFixtures.settled(db, id);
        int sent = receiver.forTicket(json, ticket.ticket().number()).size();
        int attempts = only(id).attempts();
        http.post().uri("/api/v1/tickets/" + ticket.ticket().id() + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == sent);
        WebhookDeliveryView held = only(id);
        assertThat(held.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(held.attempts()).as("not attempted while there is no URL").isEqualTo(attempts);

        receiver.answer(204);
        assertThat(patched(id, "{\"webhookUrl\": \"" + receiver.url() + "\"}").webhookUrl()).isEqualTo(receiver.url());
        await().atMost(Duration.ofSeconds(10)).until(() -> only(id).state() == DeliveryState.DELIVERED);
        assertThat(receiver.forTicket(json, ticket.ticket().number()).getLast().answer()).isEqualTo(204);
    }

    @Test
    void patchChangesOnlyWhatItNamesIsIdempotentAndChannelsTakeEffectAtIntake() {
        PartnerCredentials p = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), null);
        UUID id = p.partner().id();

        PartnerView changed = patched(id, """
                {"name": "%s", "channels": ["OPEN311", "CITY_APP"], "webhookUrl": " https://app.example.cn/v2/hook "}"""
                .formatted(p.partner().name()));
        assertThat(changed.channels()).containsExactly(Channel.CITY_APP, Channel.OPEN311);
        assertThat(changed.webhookUrl()).isEqualTo("https://app.example.cn/v2/hook");
        assertThat(changed.name()).isEqualTo(p.partner().name());
        assertThat(changed.activeKeyIds()).isEqualTo(p.partner().activeKeyIds());
        assertThat(changed.createdAt()).isEqualTo(p.partner().createdAt());
        assertThat(patched(id, """
                {"name": "%s", "channels": ["OPEN311", "CITY_APP"], "webhookUrl": " https://app.example.cn/v2/hook "}"""
                .formatted(p.partner().name()))).as("the same patch again").isEqualTo(changed);
        assertThat(patched(id, "{}")).isEqualTo(changed);

        PartnerView narrowed = http.patch().uri("/api/v1/admin/partners/" + id)
                .headers(h -> h.setBearerAuth(token(http, "admin"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channels\": [\"OPEN311\"]}").exchange().expectStatus().isOk()
                .expectBody(PartnerView.class).returnResult().getResponseBody();
        assertThat(narrowed.channels()).containsExactly(Channel.OPEN311);
        assertThat(narrowed.webhookUrl()).as("left out, kept").isEqualTo("https://app.example.cn/v2/hook");
        submit(p.apiKey(), Channel.CITY_APP).expectStatus().isForbidden()
                .expectBody().jsonPath("$.title").isEqualTo("Channel not allowed for this partner");
    }

    @Test
    void badPatchIsAProblemAndChangesNothingWhileOtherRolesAreRefusedAndAnUnknownPartnerIsNotFound() {
        PartnerCredentials p = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), "https://app.example.cn/hook");
        UUID id = p.partner().id();
        PartnerView before = view(id);

        for (String bad : List.of("{\"webhookUrl\": \"ftp://app.example.cn/hook\"}", "{\"webhookUrl\": \"hook\"}",
                "{\"webhookUrl\": \"\"}", "{\"webhookUrl\": 5}", "{\"channels\": []}", "{\"channels\": null}",
                "{\"channels\": [\"HOTLINE\"]}", "{\"channels\": [\"NOPE\"]}", "{\"channels\": \"CITY_APP\"}",
                "{\"name\": \"another-name\"}", "{\"name\": null}", "{\"enabled\": false}",
                "{\"channels\": [\"OPEN311\"], \"webhookSecret\": \"x\"}", "[]", "\"x\"", "{")) {
            patch("admin", id, bad).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(view(id)).as("after %s", bad).isEqualTo(before);
        }
        patch("admin", id, "{\"name\": \"another-name\"}").expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("name cannot be changed"));
        patch("admin", id, "{\"enabled\": false}").expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("Unknown member enabled"));

        patch("supervisor1", id, "{\"webhookUrl\": null}").expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        patch("agent1", id, "{\"webhookUrl\": null}").expectStatus().isForbidden();
        http.patch().uri("/api/v1/admin/partners/" + id).contentType(MERGE_PATCH).bodyValue("{\"webhookUrl\": null}")
                .exchange().expectStatus().isUnauthorized();
        http.patch().uri("/api/v1/admin/partners/" + id).header("X-Api-Key", p.apiKey()).contentType(MERGE_PATCH)
                .bodyValue("{\"webhookUrl\": null}").exchange().expectStatus().isUnauthorized();
        assertThat(view(id)).isEqualTo(before);

        patch("admin", UUID.randomUUID(), "{\"webhookUrl\": null}").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        patch("admin", UUID.randomUUID(), "{\"enabled\": true}").expectStatus().isBadRequest();
    }

    @Test
    void openApiDocumentDescribesThePatchAsAMergePatch() {
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/admin/partners/{id}'].patch.summary")
                .value(s -> assertThat((String) s).contains("JSON merge patch").contains("Idempotent"))
                .jsonPath("$.paths['/api/v1/admin/partners/{id}'].patch.requestBody.content['application/merge-patch+json']")
                .exists();
    }
}
