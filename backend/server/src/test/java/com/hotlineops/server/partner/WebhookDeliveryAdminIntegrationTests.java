package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A partner's status callbacks as administrators see and replay them (issue #7, decision 0026), on real PostgreSQL
 * with a real HTTP receiver: FAILED ones (every attempt refused) with their attempts and last status, keyset pages,
 * replay of one (idempotent while it waits) and of all, and the problems for what cannot be replayed.
 */
class WebhookDeliveryAdminIntegrationTests extends BackendIntegrationTest {

    /** The retry schedule's last attempt ({@code hotline.webhooks.max-attempts}, default 12). */
    private static final int MAX_ATTEMPTS = 12;

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private WebTestClient.RequestHeadersSpec<?> get(String user, String path) {
        return http.get().uri("/api/v1/admin/partners/" + path).headers(h -> h.setBearerAuth(token(http, user)));
    }

    private WebTestClient.ResponseSpec post(String user, String path) {
        return http.post().uri("/api/v1/admin/partners/" + path).headers(h -> h.setBearerAuth(token(http, user)))
                .exchange();
    }

    private WebhookDeliveryPage page(UUID partner, String query) {
        return get("admin", partner + "/deliveries" + query).exchange().expectStatus().isOk()
                .expectBody(WebhookDeliveryPage.class).returnResult().getResponseBody();
    }

    private List<WebhookDeliveryView> failed(UUID partner) {
        return page(partner, "?state=FAILED").items();
    }

    /**
     * A partner whose two callbacks (the ticket's PENDING_DISPATCH and DISPATCHED) are FAILED by the real deliverer
     * against a receiver that answers 500. The first attempts run on the test's short backoff; the ones in between,
     * which take hours on the real schedule, are written into the rows while the partner is disabled and no attempt
     * is in flight (one that was would find its row's attempt count changed and leave its lease to run out), and the
     * last attempt is made by the deliverer once it is enabled.
     */
    private PartnerCredentials partnerWithTwoFailedCallbacks() {
        receiver.answer(500);
        PartnerCredentials p = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("app"),
                List.of(Channel.CITY_APP), receiver.url());
        IntakeResult ticket = http.post().uri("/api/v1/intake").header("X-Api-Key", p.apiKey())
                .bodyValue(new IntakeRequest(Channel.CITY_APP, "app-" + UUID.randomUUID(), new Citizen(null, null),
                        "井盖缺失", "幸福路公交站旁井盖缺失", "0101", "幸福路", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody();
        http.post().uri("/api/v1/tickets/" + ticket.ticket().id() + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.forTicket(json, ticket.ticket().number()).stream()
                .map(r -> r.json(json).get("status").asString()).distinct().count() == 2);
        post("admin", p.partner().id() + "/disable").expectStatus().isOk();
        PartnerFixtures.settled(db, p.partner().id());
        db.sql("update webhook_delivery set attempts = :n where partner_id = :p").bind("n", MAX_ATTEMPTS - 1)
                .bind("p", p.partner().id()).then().block();
        post("admin", p.partner().id() + "/enable").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> failed(p.partner().id()).size() == 2);
        return p;
    }

    @Test
    void failedCallbacksAreListedWithAttemptsAndLastStatusInKeysetPagesWhileOtherRolesAreForbidden() {
        PartnerCredentials p = partnerWithTwoFailedCallbacks();
        UUID id = p.partner().id();
        get("supervisor1", id + "/deliveries").exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("agent1", id + "/deliveries?state=FAILED").exchange().expectStatus().isForbidden();

        List<WebhookDeliveryView> failed = failed(id);
        assertThat(failed).extracting(WebhookDeliveryView::status)
                .containsExactly(TicketStatus.DISPATCHED, TicketStatus.PENDING_DISPATCH);
        for (WebhookDeliveryView d : failed) {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(d.lastHttpStatus()).isEqualTo(500);
            assertThat(d.lastError()).isEqualTo("HTTP 500");
            assertThat(d.lastAttemptAt()).isAfter(d.occurredAt());
            assertThat(d.nextAttemptAt()).isNull();
            assertThat(d.deliveredAt()).isNull();
            assertThat(d.replays()).isZero();
        }
        assertThat(page(id, "?state=DELIVERED").items()).isEmpty();
        assertThat(page(id, "?state=PENDING&state=FAILED").items()).hasSize(2);
        assertThat(page(id, "").items()).hasSize(2);

        WebhookDeliveryPage first = page(id, "?state=FAILED&limit=1");
        assertThat(first.items()).extracting(WebhookDeliveryView::id).containsExactly(failed.get(0).id());
        assertThat(first.nextCursor()).isNotNull();
        WebhookDeliveryPage second = page(id, "?state=FAILED&limit=1&cursor=" + first.nextCursor());
        assertThat(second.items()).extracting(WebhookDeliveryView::id).containsExactly(failed.get(1).id());
        assertThat(second.nextCursor()).isNull();

        for (String bad : List.of("?state=LOST", "?limit=201", "?limit=-1", "?cursor=abc", "?limit=x")) {
            get("admin", id + "/deliveries" + bad).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        get("admin", UUID.randomUUID() + "/deliveries").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void replayRequeuesAFailedCallbackWithItsAttemptsResetIsIdempotentWhileItWaitsAndRefusesADeliveredOne() {
        PartnerCredentials p = partnerWithTwoFailedCallbacks();
        UUID id = p.partner().id();
        List<WebhookDeliveryView> failed = failed(id);
        WebhookDeliveryView dispatched = failed.getFirst();
        String replay = id + "/deliveries/" + dispatched.id() + "/replay";
        receiver.answer(204);

        // Disabled, the partner receives nothing, so the replayed callback waits and a second replay finds it so.
        post("admin", id + "/disable").expectStatus().isOk();
        post("supervisor1", replay).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        WebhookDeliveryView requeued = post("admin", replay).expectStatus().isOk()
                .expectBody(WebhookDeliveryView.class).returnResult().getResponseBody();
        assertThat(requeued.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.replays()).isEqualTo(1);
        assertThat(requeued.replayedBy()).isEqualTo("admin");
        assertThat(requeued.nextAttemptAt()).isEqualTo(requeued.replayedAt());
        assertThat(requeued.eventId()).isEqualTo(dispatched.eventId());
        assertThat(requeued.lastHttpStatus()).isEqualTo(500);
        WebhookDeliveryView again = post("admin", replay).expectStatus().isOk()
                .expectBody(WebhookDeliveryView.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(requeued);

        post("admin", id + "/deliveries/" + Long.MAX_VALUE + "/replay").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("admin", UUID.randomUUID() + "/deliveries/" + dispatched.id() + "/replay").expectStatus().isNotFound();
        post("admin", id + "/deliveries/x/replay").expectStatus().isBadRequest();

        int before = receiver.forTicket(json, dispatched.ticketNumber()).size();
        post("admin", id + "/enable").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forTicket(json, dispatched.ticketNumber()).size() == before + 1);
        WebhookReceiver.Received sent = receiver.forTicket(json, dispatched.ticketNumber()).getLast();
        assertThat(sent.eventIdHeader()).isEqualTo(dispatched.eventId().toString());
        assertThat(sent.answer()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !page(id, "?state=DELIVERED").items().isEmpty());
        WebhookDeliveryView delivered = page(id, "?state=DELIVERED").items().getFirst();
        assertThat(delivered.id()).isEqualTo(dispatched.id());
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastHttpStatus()).isEqualTo(204);
        assertThat(delivered.lastError()).isNull();
        assertThat(delivered.deliveredAt()).isNotNull();

        post("admin", replay).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("DELIVERED"));
    }

    @Test
    void replayingAllFailedCallbacksRequeuesEachOnceAndARepeatFindsNoneWhileOtherRolesAreForbidden() {
        PartnerCredentials p = partnerWithTwoFailedCallbacks();
        UUID id = p.partner().id();
        receiver.answer(204);
        post("supervisor1", id + "/deliveries/replay").expectStatus().isForbidden();
        post("admin", UUID.randomUUID() + "/deliveries/replay").expectStatus().isNotFound();

        DeliveriesReplayed replayed = post("admin", id + "/deliveries/replay").expectStatus().isOk()
                .expectBody(DeliveriesReplayed.class).returnResult().getResponseBody();
        assertThat(replayed.replayed()).isEqualTo(2);
        assertThat(post("admin", id + "/deliveries/replay").expectStatus().isOk()
                .expectBody(DeliveriesReplayed.class).returnResult().getResponseBody().replayed()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> page(id, "?state=DELIVERED").items().size() == 2);
        assertThat(failed(id)).isEmpty();
        assertThat(page(id, "?state=DELIVERED").items()).allSatisfy(d -> {
            assertThat(d.replays()).isEqualTo(1);
            assertThat(d.attempts()).isEqualTo(1);
        });
    }
}
