package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookSecretRotation;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Disabling and enabling a partner and rotating its webhook secret (issue #7, decision 0026) on real PostgreSQL, with
 * a real HTTP receiver for its callbacks: a disabled partner's keys are refused with a problem that says so, its
 * callbacks wait and go out once it is enabled; after a rotation callbacks are signed with the new secret and, for
 * the grace period, also with the old one. Only administrators may do any of it.
 */
class PartnerAdminIntegrationTests extends BackendIntegrationTest {

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private PartnerCredentials partner(List<Channel> channels) {
        return PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("p"), channels,
                receiver.url());
    }

    private WebTestClient.ResponseSpec submit(String apiKey, String externalId) {
        return http.post().uri("/api/v1/intake").header("X-Api-Key", apiKey)
                .bodyValue(new IntakeRequest(Channel.CITY_APP, externalId, new Citizen("赵六", "13700003333"),
                        "路灯不亮", "人民路口路灯连续三晚不亮", "0101", "人民路", null, null))
                .exchange();
    }

    private IntakeResult created(String apiKey) {
        return submit(apiKey, "app-" + UUID.randomUUID()).expectStatus().isCreated().expectBody(IntakeResult.class)
                .returnResult().getResponseBody();
    }

    private void dispatch(IntakeResult ticket) {
        http.post().uri("/api/v1/tickets/" + ticket.ticket().id() + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(String user, String path, Object body) {
        var spec = http.post().uri("/api/v1/admin/partners/" + path).headers(h -> h.setBearerAuth(token(http, user)));
        return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
    }

    private PartnerView view(UUID id) {
        return http.get().uri("/api/v1/admin/partners/" + id).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk().expectBody(PartnerView.class).returnResult().getResponseBody();
    }

    private Map<String, Object> deliveryRow(UUID partnerId, String status) {
        return db.sql("select state, attempts from webhook_delivery where partner_id = :p and status = :s")
                .bind("p", partnerId).bind("s", status).fetch().one().block();
    }

    @Test
    void disabledPartnerIsRefusedWithAProblemSayingSoAndItsCallbacksWaitUntilItIsEnabledWhileOnlyAdminsMaySwitchIt() {
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        UUID id = p.partner().id();
        IntakeResult ticket = created(p.apiKey());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == 1);

        post("supervisor1", id + "/disable", null).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(view(id).enabled()).isTrue();
        PartnerView disabled = post("admin", id + "/disable", null).expectStatus().isOk()
                .expectBody(PartnerView.class).returnResult().getResponseBody();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledBy()).isEqualTo("admin");
        assertThat(disabled.disabledAt()).isNotNull();

        String externalId = "app-" + UUID.randomUUID();
        submit(p.apiKey(), externalId).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("is disabled")
                        .contains(p.partner().name()));
        assertThat(db.sql("select count(*) as n from ticket where external_id = :x").bind("x", externalId)
                .map(r -> r.get("n", Long.class)).one().block()).isZero();

        // Its ticket moves on while it is disabled: the callback is queued, not sent, and keeps its attempts.
        dispatch(ticket);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == 1);
        assertThat(deliveryRow(id, "DISPATCHED")).containsEntry("state", "PENDING").containsEntry("attempts", 0);

        PartnerView again = post("admin", id + "/disable", null).expectStatus().isOk()
                .expectBody(PartnerView.class).returnResult().getResponseBody();
        assertThat(again.disabledAt()).isEqualTo(disabled.disabledAt());
        String listed = http.get().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(json.readTree(listed).valueStream().filter(n -> n.get("id").asString().equals(id.toString()))
                .findFirst().orElseThrow().get("enabled").asBoolean()).isFalse();

        post("supervisor1", id + "/enable", null).expectStatus().isForbidden();
        PartnerView enabled = post("admin", id + "/enable", null).expectStatus().isOk()
                .expectBody(PartnerView.class).returnResult().getResponseBody();
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.disabledAt()).isNull();
        assertThat(enabled.disabledBy()).isNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == 2);
        assertThat(receiver.forTicket(json, ticket.ticket().number()).get(1).json(json).get("status").asString())
                .isEqualTo("DISPATCHED");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "DELIVERED".equals(deliveryRow(id, "DISPATCHED").get("state")));
        post("admin", id + "/enable", null).expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        submit(p.apiKey(), "app-" + UUID.randomUUID()).expectStatus().isCreated();

        post("admin", UUID.randomUUID() + "/disable", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("admin", UUID.randomUUID() + "/enable", null).expectStatus().isNotFound();
        post("admin", "not-a-uuid/disable", null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void disabledPartnersKeyIsRefusedAtOpen311Too() {
        PartnerCredentials p = partner(List.of(Channel.OPEN311));
        post("admin", p.partner().id() + "/disable", null).expectStatus().isOk();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", p.apiKey());
        form.add("service_code", "0101");
        form.add("description", "人民路口的路灯连续三晚不亮");
        http.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].code").isEqualTo(403).jsonPath("$[0].description")
                .isEqualTo("api_key disabled: the hotline has disabled partner " + p.partner().name()
                        + " until further notice; the key itself is valid, do not rotate it — contact the hotline");

        // Whoever does not hold the key learns nothing of the partner, disabled or not.
        form.set("api_key", p.apiKey() + "x");
        http.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].description").isEqualTo("Invalid api_key");
    }

    @Test
    void rotatedWebhookSecretSignsEveryLaterCallbackAndTheOldOneAlsoSignsDuringTheGracePeriodWhileOnlyAdminsRotate() {
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        UUID id = p.partner().id();
        post("supervisor1", id + "/webhook-secret", new WebhookSecretRotation(60)).expectStatus().isForbidden();
        post("admin", id + "/webhook-secret", new WebhookSecretRotation(-1)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("admin", UUID.randomUUID() + "/webhook-secret", null).expectStatus().isNotFound();

        Instant before = Instant.now();
        IssuedWebhookSecret graceful = post("admin", id + "/webhook-secret", new WebhookSecretRotation(60))
                .expectStatus().isCreated().expectBody(IssuedWebhookSecret.class).returnResult().getResponseBody();
        assertThat(graceful.webhookSecret()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(p.webhookSecret());
        assertThat(graceful.previousSecretExpiresAt()).isBetween(before.plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofMinutes(61)));
        PartnerView rotated = view(id);
        assertThat(rotated.webhookSecretRotatedAt()).isNotNull();
        assertThat(rotated.previousSecretExpiresAt()).isEqualTo(graceful.previousSecretExpiresAt());
        assertThat(http.get().uri("/api/v1/admin/partners/" + id).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(graceful.webhookSecret()).doesNotContain(p.webhookSecret());

        IntakeResult ticket = created(p.apiKey());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == 1);
        WebhookReceiver.Received during = receiver.forTicket(json, ticket.ticket().number()).getFirst();
        assertThat(during.signatures()).hasSize(2);
        assertThat(during.signedWith(graceful.webhookSecret(), during.signatures().get(0))).isTrue();
        assertThat(during.signedWith(p.webhookSecret(), during.signatures().get(1))).isTrue();

        IssuedWebhookSecret now = post("admin", id + "/webhook-secret", new WebhookSecretRotation(0))
                .expectStatus().isCreated().expectBody(IssuedWebhookSecret.class).returnResult().getResponseBody();
        assertThat(view(id).previousSecretExpiresAt()).isNull();
        dispatch(ticket);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forTicket(json, ticket.ticket().number()).size() == 2);
        WebhookReceiver.Received after = receiver.forTicket(json, ticket.ticket().number()).get(1);
        assertThat(after.signatures()).hasSize(1);
        assertThat(after.signedWith(now.webhookSecret(), after.signatures().getFirst())).isTrue();
        assertThat(after.signedWith(graceful.webhookSecret(), after.signatures().getFirst())).isFalse();
        assertThat(after.signedWith(p.webhookSecret(), after.signatures().getFirst())).isFalse();
    }

    @Test
    void openApiDocumentListsTheNewAdminRoutesAndSaysWhatARepeatedDisableOrReplayAnswers() {
        // The first request builds the document, which takes more than the default 5 s on a busy machine.
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/disable'].post.summary")
                .value(s -> assertThat((String) s).contains("disabling a disabled partner changes nothing and "
                        + "answers 200"))
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/enable'].post.summary")
                .value(s -> assertThat((String) s).contains("answers 200"))
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/webhook-secret'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/deliveries'].get.summary")
                .value(s -> assertThat((String) s).contains("FAILED"))
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/deliveries/{deliveryId}/replay'].post.summary")
                .value(s -> assertThat((String) s).contains("409").contains("404"))
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/deliveries/replay'].post.summary").exists();
    }
}
