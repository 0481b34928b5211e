package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.KeyRotation;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.server.BackendIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Partner channels (DESIGN.md §2.1) over HTTP on real PostgreSQL: registration by an administrator only, intake by
 * {@code X-Api-Key} on the partner's own channels, idempotent retries, emergencies in one call, key rotation.
 */
class PartnerIntakeIntegrationTests extends BackendIntegrationTest {

    private PartnerCredentials partner(List<Channel> channels) {
        return PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("p"), channels, null);
    }

    private static Map<String, Object> body(Channel channel, String externalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel.name());
        body.put("externalId", externalId);
        body.put("citizen", Map.of("name", "王五", "phone", "13800001111"));
        body.put("title", "商品价格欺诈");
        body.put("content", "超市标价与结算价不一致");
        body.put("categoryCode", "0403");
        return body;
    }

    private WebTestClient.ResponseSpec submit(String apiKey, Map<String, Object> body) {
        return http.post().uri("/api/v1/intake").header("X-Api-Key", apiKey).bodyValue(body).exchange();
    }

    private long ticketsWith(String externalId) {
        return db.sql("select count(*) as n from ticket where external_id = :x").bind("x", externalId)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    @Test
    void registerPartnerWhenAdminThenKeyShownOnceAndNeverListedWhileOtherRolesAreForbidden() {
        String name = PartnerFixtures.uniqueName("p12315");
        PartnerRequest request = new PartnerRequest(name, List.of(Channel.PARTNER_12315), "https://12315.example/hook");
        http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(request).exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/admin/partners").bodyValue(request).exchange().expectStatus().isUnauthorized();

        PartnerCredentials created = PartnerFixtures.register(http, token(http, "admin"), name,
                List.of(Channel.PARTNER_12315), "https://12315.example/hook");
        assertThat(created.apiKey()).startsWith("hop.").hasSizeGreaterThan(50);
        assertThat(created.webhookSecret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(created.partner().channels()).containsExactly(Channel.PARTNER_12315);

        String listed = http.get().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(name).doesNotContain(created.apiKey()).doesNotContain(created.webhookSecret());
        byte[] stored = db.sql("select key_hash from partner_key where partner_id = :p").bind("p", created.partner().id())
                .map(r -> r.get("key_hash", byte[].class)).one().block();
        assertThat(stored).hasSize(32).isNotEqualTo(created.apiKey().getBytes());

        http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(request).exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new PartnerRequest("x", List.of(Channel.HOTLINE), null)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void intakeWithKeyOnOwnChannelCreatesOnceAndRetryReturnsTheFirstTicket() {
        PartnerCredentials p = partner(List.of(Channel.PARTNER_12315));
        String externalId = "12315-" + UUID.randomUUID();
        IntakeResult first = submit(p.apiKey(), body(Channel.PARTNER_12315, externalId)).expectStatus().isCreated()
                .expectBody(IntakeResult.class).returnResult().getResponseBody();
        assertThat(first.created()).isTrue();
        assertThat(first.ticket().channel()).isEqualTo(Channel.PARTNER_12315);
        assertThat(first.ticket().status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
        assertThat(first.ticket().citizenPhoneMasked()).doesNotContain("13800001111");

        IntakeResult retry = submit(p.apiKey(), body(Channel.PARTNER_12315, externalId)).expectStatus().isOk()
                .expectBody(IntakeResult.class).returnResult().getResponseBody();
        assertThat(retry.created()).isFalse();
        assertThat(retry.ticket().id()).isEqualTo(first.ticket().id());
        assertThat(ticketsWith(externalId)).isEqualTo(1);

        List<TicketEventView> history = http.get().uri("/api/v1/tickets/" + first.ticket().id() + "/history")
                .headers(h -> h.setBearerAuth(token(http, "supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<TicketEventView>>() { }).returnResult()
                .getResponseBody();
        assertThat(history).first().satisfies(e -> assertThat(e.actor())
                .isEqualTo("partner:" + p.partner().name()));
    }

    @Test
    void intakeOnAnotherPartnersChannelIsForbiddenAndRecordsNothing() {
        PartnerCredentials p = partner(List.of(Channel.CPPCC));
        String externalId = "cppcc-" + UUID.randomUUID();
        submit(p.apiKey(), body(Channel.PARTNER_12315, externalId)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("CPPCC"));
        assertThat(ticketsWith(externalId)).isZero();
        submit(p.apiKey(), body(Channel.CPPCC, externalId)).expectStatus().isCreated();
    }

    @Test
    void intakeWithWrongOrMalformedKeyOrKeyAndBearerTogetherIsUnauthorized() {
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        String externalId = "app-" + UUID.randomUUID();
        String forged = p.apiKey().substring(0, p.apiKey().length() - 4) + "AAAA";
        for (String key : List.of(forged, "not-a-key", "")) {
            submit(key, body(Channel.CITY_APP, externalId)).expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post().uri("/api/v1/intake").header("X-Api-Key", p.apiKey())
                .headers(h -> h.setBearerAuth(token(http, "agent1"))).bodyValue(body(Channel.CITY_APP, externalId))
                .exchange().expectStatus().isUnauthorized();
        assertThat(ticketsWith(externalId)).isZero();
    }

    @Test
    void retryWithAnExternalIdAnotherPartnerUsedOnASharedChannelIsConflictAndShowsNoTicket() {
        PartnerCredentials first = partner(List.of(Channel.WECHAT_GRID));
        PartnerCredentials second = partner(List.of(Channel.WECHAT_GRID));
        String externalId = "grid-" + UUID.randomUUID();
        submit(first.apiKey(), body(Channel.WECHAT_GRID, externalId)).expectStatus().isCreated();
        submit(second.apiKey(), body(Channel.WECHAT_GRID, externalId)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.ticket").doesNotExist();
        assertThat(ticketsWith(externalId)).isEqualTo(1);
    }

    @Test
    void emergencyIntakeRecordsTransferredEmergencyWithTheNumberAndIsNeverDispatched() {
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        String externalId = "app-" + UUID.randomUUID();
        Map<String, Object> body = body(Channel.CITY_APP, externalId);
        body.put("title", "小区起火");
        body.put("content", "三号楼有烟冒出");
        body.put("emergencyNumber", "119");
        IntakeResult result = submit(p.apiKey(), body).expectStatus().isCreated().expectBody(IntakeResult.class)
                .returnResult().getResponseBody();
        assertThat(result.ticket().status()).isEqualTo(TicketStatus.TRANSFERRED_EMERGENCY);
        assertThat(result.ticket().dispatchedAt()).isNull();
        assertThat(result.ticket().unitId()).isNull();
        String number = db.sql("select emergency_number from ticket where id = :id").bind("id", result.ticket().id())
                .map(r -> r.get("emergency_number", String.class)).one().block();
        assertThat(number).isEqualTo("119");

        IntakeResult retry = submit(p.apiKey(), body).expectStatus().isOk().expectBody(IntakeResult.class)
                .returnResult().getResponseBody();
        assertThat(retry.ticket().id()).isEqualTo(result.ticket().id());
        assertThat(retry.ticket().version()).isEqualTo(result.ticket().version());

        Map<String, Object> wrong = body(Channel.CITY_APP, "app-" + UUID.randomUUID());
        wrong.put("emergencyNumber", "999");
        submit(p.apiKey(), wrong).expectStatus().isBadRequest();
        assertThat(ticketsWith((String) wrong.get("externalId"))).isZero();
    }

    @Test
    void rotatedKeyWorksAndTheOldOneStopsAfterItsGracePeriodWhileOnlyAdminsMayRotate() {
        PartnerCredentials p = partner(List.of(Channel.NPC_DEPUTY));
        String rotate = "/api/v1/admin/partners/" + p.partner().id() + "/keys";
        http.post().uri(rotate).headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .bodyValue(new KeyRotation(0)).exchange().expectStatus().isForbidden();
        submit(p.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus().isCreated();

        IssuedKey graceful = http.post().uri(rotate).headers(h -> h.setBearerAuth(token(http, "admin")))
                .exchange().expectStatus().isCreated().expectBody(IssuedKey.class).returnResult().getResponseBody();
        submit(p.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus().isCreated();
        submit(graceful.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus().isCreated();

        IssuedKey now = http.post().uri(rotate).headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new KeyRotation(0)).exchange().expectStatus().isCreated().expectBody(IssuedKey.class)
                .returnResult().getResponseBody();
        submit(p.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus().isUnauthorized();
        submit(graceful.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus()
                .isUnauthorized();
        submit(now.apiKey(), body(Channel.NPC_DEPUTY, "npc-" + UUID.randomUUID())).expectStatus().isCreated();

        http.post().uri("/api/v1/admin/partners/" + UUID.randomUUID() + "/keys")
                .headers(h -> h.setBearerAuth(token(http, "admin"))).exchange().expectStatus().isNotFound();
    }
}
