package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.KeyRotation;
import com.hotlineops.contract.partner.PartnerChange;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.contract.partner.WebhookSecretRotation;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.server.BackendIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who changed which partner, what and when (decision 0038), on real PostgreSQL: every administrator's action on a
 * partner — registering, changing, disabling, enabling, rotating its key or webhook secret, replaying its callbacks —
 * leaves exactly one row naming the administrator who did it, with each field before and after; a repeat that changes
 * nothing and a refused change leave none; no key, secret or hash reaches the table; the history is read newest first
 * in keyset pages, by administrators only.
 */
class PartnerChangeHistoryIntegrationTests extends BackendIntegrationTest {

    private static final String PARTNERS = "/api/v1/admin/partners/";
    private static final String PASSWORD = "Partner-audit-2026!";

    /** A second administrator, made for this test: the history must name whoever acted, not the seeded admin. */
    private String admin2;
    private UUID admin2Id;
    private String admin2Token;

    @BeforeEach
    void anotherAdministrator() {
        admin2 = PartnerFixtures.uniqueName("auditor");
        UserView created = http.post().uri("/api/v1/users").headers(h -> h.setBearerAuth(token(http, "admin")))
                .bodyValue(new NewUser(admin2, "审计管理员", List.of("ADMIN"), null, null, "Initial-pass-2026!"))
                .exchange().expectStatus().isCreated().expectBody(UserView.class).returnResult().getResponseBody();
        admin2Id = created.id();
        String first = http.post().uri("/api/v1/auth/token")
                .bodyValue(TokenRequest.password(admin2, "Initial-pass-2026!")).exchange().expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody().accessToken();
        // An administrator-set password must be changed before anything else (decision 0036).
        admin2Token = http.post().uri("/api/v1/auth/password").headers(h -> h.setBearerAuth(first))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new PasswordChange("Initial-pass-2026!", PASSWORD)).exchange().expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody().accessToken();
    }

    private WebTestClient.ResponseSpec call(String bearer, HttpMethod method, String path, Object body) {
        var spec = http.method(method).uri(PARTNERS + path).headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
        });
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec asAdmin2(HttpMethod method, String path, Object body) {
        return call(admin2Token, method, path, body);
    }

    private PartnerCredentials register(String name, List<Channel> channels, String url) {
        return http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(admin2Token))
                .bodyValue(new PartnerRequest(name, channels, url))
                .exchange().expectStatus().isCreated().expectBody(PartnerCredentials.class).returnResult()
                .getResponseBody();
    }

    private PartnerChangePage page(UUID partner, String query) {
        return asAdmin2(HttpMethod.GET, partner + "/changes" + query, null).expectStatus().isOk()
                .expectBody(PartnerChangePage.class).returnResult().getResponseBody();
    }

    private List<PartnerChange> history(UUID partner) {
        return page(partner, "?limit=200").items();
    }

    private long rows(UUID partner) {
        return db.sql("select count(*) as n from partner_admin_event where partner_id = :p").bind("p", partner)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    private static Map<String, FieldChange> changes(Object... fieldBeforeAfter) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (int i = 0; i < fieldBeforeAfter.length; i += 3) {
            changes.put((String) fieldBeforeAfter[i], new FieldChange(fieldBeforeAfter[i + 1],
                    fieldBeforeAfter[i + 2]));
        }
        return changes;
    }

    /** Asserts the partner's newest change and that it is the only one added since {@code before} rows. */
    private void recorded(UUID partner, long before, String type, Map<String, FieldChange> changes) {
        assertThat(rows(partner)).as("exactly one row for " + type).isEqualTo(before + 1);
        PartnerChange newest = page(partner, "?limit=1").items().getFirst();
        assertThat(newest.type()).isEqualTo(type);
        assertThat(newest.partnerId()).isEqualTo(partner);
        assertThat(newest.actor()).isEqualTo(admin2);
        assertThat(newest.changes()).isEqualTo(changes);
        assertThat(db.sql("select actor_id from partner_admin_event where id = :id").bind("id", newest.id())
                .map(r -> r.get("actor_id", UUID.class)).one().block()).isEqualTo(admin2Id);
    }

    /** Two callbacks of the partner's ticket that every attempt failed, written as the deliverer leaves them. */
    private List<Long> twoFailedCallbacks(PartnerCredentials p) {
        String externalId = "app-" + UUID.randomUUID();
        IntakeResult ticket = http.post().uri("/api/v1/intake").header("X-Api-Key", p.apiKey())
                .bodyValue(new IntakeRequest(Channel.CITY_APP, externalId, new Citizen(null, null),
                        "井盖缺失", "幸福路公交站旁井盖缺失", "0101", "幸福路", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody();
        List<Long> ids = new ArrayList<>();
        for (int version = 2; version <= 3; version++) {
            ids.add(db.sql("""
                            insert into webhook_delivery (event_id, partner_id, ticket_id, ticket_version,
                                   external_id, ticket_number, status, occurred_at, state, attempts, next_attempt_at,
                                   last_error)
                            values (gen_random_uuid(), :p, :t, :v, :x, :n, 'DISPATCHED', now(), 'FAILED', 12, now(),
                                    'HTTP 500')
                            returning id""")
                    .bind("p", p.partner().id()).bind("t", ticket.ticket().id()).bind("v", version)
                    .bind("x", externalId).bind("n", ticket.ticket().number())
                    .map(r -> r.get("id", Long.class)).one().block());
        }
        return ids;
    }

    @Test
    void everyActionOnAPartnerIsRecordedOnceWithItsAdministratorWhileRepeatsAndRefusalsAreNot() {
        String name = PartnerFixtures.uniqueName("audit");
        // No webhook URL: the callbacks below stay where the test puts them (the deliverer holds them, decision 0033).
        PartnerCredentials p = register(name, List.of(Channel.OPEN311, Channel.CITY_APP), null);
        UUID id = p.partner().id();
        recorded(id, 0, "REGISTERED", changes("name", null, name, "channels", null, List.of("CITY_APP", "OPEN311"),
                "enabled", null, true));

        http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(admin2Token))
                .bodyValue(new PartnerRequest(name, List.of(Channel.CITY_APP), null)).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(db.sql("select count(*) as n from partner_admin_event where changes -> 'name' ->> 'after' = :n")
                .bind("n", name).map(r -> r.get("n", Long.class)).one().block())
                .as("a registration refused records nothing").isEqualTo(1);

        // Replaying one callback, then all the failed ones; a repeat finds nothing to requeue and records nothing.
        List<Long> failed = twoFailedCallbacks(p);
        asAdmin2(HttpMethod.POST, id + "/deliveries/" + failed.getFirst() + "/replay", null).expectStatus().isOk();
        recorded(id, 1, "CALLBACKS_REPLAYED", changes("replayed", null, 1, "deliveryId", null,
                failed.getFirst().intValue()));
        assertThat(asAdmin2(HttpMethod.POST, id + "/deliveries/" + failed.getFirst() + "/replay", null)
                .expectStatus().isOk().expectBody(WebhookDeliveryView.class).returnResult().getResponseBody().state())
                .hasToString("PENDING");
        asAdmin2(HttpMethod.POST, id + "/deliveries/" + Long.MAX_VALUE + "/replay", null).expectStatus().isNotFound();
        assertThat(rows(id)).isEqualTo(2);
        assertThat(asAdmin2(HttpMethod.POST, id + "/deliveries/replay", null).expectStatus().isOk()
                .expectBody(DeliveriesReplayed.class).returnResult().getResponseBody().replayed()).isEqualTo(1);
        recorded(id, 2, "CALLBACKS_REPLAYED", changes("replayed", null, 1));
        assertThat(asAdmin2(HttpMethod.POST, id + "/deliveries/replay", null).expectStatus().isOk()
                .expectBody(DeliveriesReplayed.class).returnResult().getResponseBody().replayed()).isZero();
        assertThat(rows(id)).isEqualTo(3);

        // A change: only the fields that changed, before and after; the same patch again, or a refused one, nothing.
        Map<String, Object> patch = Map.of("channels", List.of("CITY_APP"),
                "webhookUrl", "https://hooks.example.invalid/audit");
        asAdmin2(HttpMethod.PATCH, id.toString(), patch).expectStatus().isOk();
        recorded(id, 3, "UPDATED", changes("channels", List.of("CITY_APP", "OPEN311"), List.of("CITY_APP"),
                "webhookUrl", null, "https://hooks.example.invalid/audit"));
        asAdmin2(HttpMethod.PATCH, id.toString(), patch).expectStatus().isOk();
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of("channels", List.of("CITY_APP"))).expectStatus().isOk();
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of()).expectStatus().isOk();
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of("channels", List.of("HOTLINE"))).expectStatus()
                .isBadRequest();
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of("webhookUrl", "https://hooks.example.invalid/new",
                "enabled", false)).expectStatus().isBadRequest();
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of("name", "renamed")).expectStatus().isBadRequest();
        assertThat(rows(id)).isEqualTo(4);
        asAdmin2(HttpMethod.PATCH, id.toString(), Map.of("webhookUrl", "https://hooks.example.invalid/v2"))
                .expectStatus().isOk();
        recorded(id, 4, "UPDATED", changes("webhookUrl", "https://hooks.example.invalid/audit",
                "https://hooks.example.invalid/v2"));

        // Disabling and enabling, each once however often it is asked; another role is refused and records nothing.
        call(token(http, "supervisor1"), HttpMethod.POST, id + "/disable", null).expectStatus().isForbidden();
        assertThat(rows(id)).isEqualTo(5);
        asAdmin2(HttpMethod.POST, id + "/disable", null).expectStatus().isOk();
        recorded(id, 5, "DISABLED", changes("enabled", true, false));
        asAdmin2(HttpMethod.POST, id + "/disable", null).expectStatus().isOk();
        assertThat(rows(id)).isEqualTo(6);
        asAdmin2(HttpMethod.POST, id + "/enable", null).expectStatus().isOk();
        recorded(id, 6, "ENABLED", changes("enabled", false, true));
        asAdmin2(HttpMethod.POST, id + "/enable", null).expectStatus().isOk();
        assertThat(rows(id)).isEqualTo(7);

        // Rotations: that it happened and the grace period; a refused one records nothing.
        asAdmin2(HttpMethod.POST, id + "/keys", new KeyRotation(-1)).expectStatus().isBadRequest();
        asAdmin2(HttpMethod.POST, id + "/webhook-secret", new WebhookSecretRotation(999_999)).expectStatus()
                .isBadRequest();
        assertThat(rows(id)).isEqualTo(7);
        asAdmin2(HttpMethod.POST, id + "/keys", new KeyRotation(90)).expectStatus().isCreated();
        recorded(id, 7, "KEY_ROTATED", changes("graceMinutes", null, 90));
        asAdmin2(HttpMethod.POST, id + "/keys", null).expectStatus().isCreated();
        recorded(id, 8, "KEY_ROTATED", changes("graceMinutes", null, 24 * 60));
        asAdmin2(HttpMethod.POST, id + "/webhook-secret", new WebhookSecretRotation(0)).expectStatus().isCreated();
        recorded(id, 9, "SECRET_ROTATED", changes("graceMinutes", null, 0));

        assertThat(history(id)).extracting(PartnerChange::type).containsExactly("SECRET_ROTATED", "KEY_ROTATED",
                "KEY_ROTATED", "ENABLED", "DISABLED", "UPDATED", "UPDATED", "CALLBACKS_REPLAYED",
                "CALLBACKS_REPLAYED", "REGISTERED");
        assertThat(history(id)).extracting(PartnerChange::actor).containsOnly(admin2);
    }

    @Test
    void unknownPartnersChangesAreRefusedWith404AndWriteNothing() {
        UUID unknown = UUID.randomUUID();
        asAdmin2(HttpMethod.GET, unknown + "/changes", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asAdmin2(HttpMethod.PATCH, unknown.toString(), Map.of("channels", List.of("CITY_APP"))).expectStatus()
                .isNotFound();
        asAdmin2(HttpMethod.POST, unknown + "/disable", null).expectStatus().isNotFound();
        asAdmin2(HttpMethod.POST, unknown + "/enable", null).expectStatus().isNotFound();
        asAdmin2(HttpMethod.POST, unknown + "/keys", null).expectStatus().isNotFound();
        asAdmin2(HttpMethod.POST, unknown + "/webhook-secret", null).expectStatus().isNotFound();
        asAdmin2(HttpMethod.POST, unknown + "/deliveries/replay", null).expectStatus().isNotFound();
        assertThat(rows(unknown)).isZero();
        assertThat(db.sql("select count(*) as n from partner_admin_event where actor_id = :a").bind("a", admin2Id)
                .map(r -> r.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void noIssuedKeySecretOrHashReachesTheHistory() throws NoSuchAlgorithmException {
        PartnerCredentials p = register(PartnerFixtures.uniqueName("secrets"), List.of(Channel.CITY_APP),
                "https://hooks.example.invalid/secrets");
        UUID id = p.partner().id();
        List<String> issued = new ArrayList<>(List.of(p.apiKey(), p.webhookSecret()));
        for (Integer grace : new Integer[] {0, 60}) {
            IssuedKey key = asAdmin2(HttpMethod.POST, id + "/keys", new KeyRotation(grace)).expectStatus()
                    .isCreated().expectBody(IssuedKey.class).returnResult().getResponseBody();
            issued.add(key.apiKey());
            IssuedWebhookSecret secret = asAdmin2(HttpMethod.POST, id + "/webhook-secret",
                    new WebhookSecretRotation(grace)).expectStatus().isCreated().expectBody(IssuedWebhookSecret.class)
                    .returnResult().getResponseBody();
            issued.add(secret.webhookSecret());
        }
        List<String> material = new ArrayList<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String s : issued) {
            material.add(s);
            if (s.startsWith("hop.")) {
                material.add(s.substring(s.lastIndexOf('.') + 1)); // the secret part of a key
                byte[] hash = sha256.digest(s.getBytes(StandardCharsets.UTF_8));
                material.add(HexFormat.of().formatHex(hash));
                material.add(Base64.getEncoder().encodeToString(hash));
                material.add(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            }
        }
        material.addAll(db.sql("select encode(key_hash, 'hex') as h from partner_key where partner_id = :p")
                .bind("p", id).map(r -> r.get("h", String.class)).all().collectList().block());
        material.addAll(db.sql("""
                        select webhook_secret as s from partner where id = :p and webhook_secret is not null
                        union all
                        select previous_webhook_secret from partner where id = :p
                                                                     and previous_webhook_secret is not null""")
                .bind("p", id).map(r -> r.get("s", String.class)).all().collectList().block());
        assertThat(material).as("three keys' hashes as stored, the current and the replaced secret")
                .hasSize(issued.size() + 3 * 4 + 3 + 2);

        assertThat(rows(id)).isEqualTo(5);
        List<String> table = db.sql("select e::text as row from partner_admin_event e").map(r -> r.get("row",
                String.class)).all().collectList().block();
        assertThat(table).isNotEmpty();
        for (String row : table) {
            for (String secret : material) {
                assertThat(row).as("a row of partner_admin_event").doesNotContain(secret);
            }
        }
        assertThat(history(id)).extracting(c -> c.changes().keySet()).containsExactly(
                Set.of("graceMinutes"), Set.of("graceMinutes"), Set.of("graceMinutes"),
                Set.of("graceMinutes"), Set.of("name", "channels", "webhookUrl", "enabled"));
    }

    @Test
    void onlyAdministratorsReadTheHistoryAndWithoutATokenNobodyDoes() {
        UUID id = register(PartnerFixtures.uniqueName("authz"), List.of(Channel.CITY_APP), null).partner().id();

        assertThat(page(id, "").items()).hasSize(1);
        call(token(http, "admin"), HttpMethod.GET, id + "/changes", null).expectStatus().isOk();
        call(token(http, "supervisor1"), HttpMethod.GET, id + "/changes", null).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(token(http, "agent1"), HttpMethod.GET, id + "/changes", null).expectStatus().isForbidden();
        call(null, HttpMethod.GET, id + "/changes", null).expectStatus().isUnauthorized();
        call(null, HttpMethod.POST, id + "/disable", null).expectStatus().isUnauthorized();
        call(token(http, "agent1"), HttpMethod.POST, id + "/keys", null).expectStatus().isForbidden();
        assertThat(rows(id)).as("refused callers record nothing").isEqualTo(1);
    }

    @Test
    void historyComesNewestFirstInKeysetPagesAndABadLimitOrCursorIsA400() {
        UUID id = register(PartnerFixtures.uniqueName("pages"), List.of(Channel.CITY_APP), null).partner().id();
        for (int i = 0; i < 2; i++) {
            asAdmin2(HttpMethod.POST, id + "/disable", null).expectStatus().isOk();
            asAdmin2(HttpMethod.POST, id + "/enable", null).expectStatus().isOk();
        }

        PartnerChangePage first = page(id, "?limit=2");
        assertThat(first.items()).extracting(PartnerChange::type).containsExactly("ENABLED", "DISABLED");
        assertThat(first.nextCursor()).isEqualTo(Long.toString(first.items().get(1).id()));
        PartnerChangePage second = page(id, "?limit=2&cursor=" + first.nextCursor());
        assertThat(second.items()).extracting(PartnerChange::type).containsExactly("ENABLED", "DISABLED");
        assertThat(second.items().getFirst().id()).isLessThan(first.items().get(1).id());
        PartnerChangePage last = page(id, "?limit=2&cursor=" + second.nextCursor());
        assertThat(last.items()).extracting(PartnerChange::type).containsExactly("REGISTERED");
        assertThat(last.nextCursor()).isNull();
        assertThat(page(id, "").items()).as("default limit 50").hasSize(5);
        assertThat(history(id)).extracting(PartnerChange::occurredAt).isSortedAccordingTo(
                Comparator.reverseOrder());

        for (String bad : List.of("?limit=201", "?limit=-1", "?cursor=abc", "?cursor=0")) {
            asAdmin2(HttpMethod.GET, id + "/changes" + bad, null).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
