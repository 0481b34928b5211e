package com.hotlineops.server.partner;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.ticket.Channel;
import java.util.List;
import java.util.UUID;
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
}
