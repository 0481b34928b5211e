package com.hotlineops.server.partner;

import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.ticket.Channel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Registers partners through the admin API, each under a fresh name (tests share one database per JVM). */
public final class PartnerFixtures {

    private PartnerFixtures() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static PartnerCredentials register(WebTestClient http, String adminToken, String name,
            List<Channel> channels, String webhookUrl) {
        return http.post().uri("/api/v1/admin/partners").headers(h -> h.setBearerAuth(adminToken))
                .bodyValue(new PartnerRequest(name, channels, webhookUrl))
                .exchange().expectStatus().isCreated().expectBody(PartnerCredentials.class).returnResult()
                .getResponseBody();
    }

    /**
     * Waits until none of a (disabled) partner's callbacks is leased, so no attempt is in flight. A test that then
     * writes a callback row directly knows no attempt's outcome lands after its write: a failure is recorded only
     * while its attempt is the row's latest (decision 0035), so one overtaken by the write would leave its lease to
     * run out ({@code 3 × hotline.webhooks.timeout}, 30 s by default) before the row is claimed again.
     */
    public static void settled(DatabaseClient db, UUID partner) {
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("""
                        select count(*) as n from webhook_delivery
                         where partner_id = :p and leased_until > now()""")
                .bind("p", partner).map(r -> r.get("n", Long.class)).one().block() == 0);
    }
}
