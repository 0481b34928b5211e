package com.hotlineops.mobile.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import com.hotlineops.testsupport.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code /actuator/prometheus} of the phone edge as Prometheus scrapes it (decision 0030): with the scrape credential,
 * after a phone opened its feed and got a ticket, the feed's and the shared core's {@code hotline_*} series are there
 * and moved. This app faces the internet: without the credential nobody reads them, not even a signed-in phone, and
 * the credential opens nothing else.
 */
class MetricsScrapeIntegrationTests extends MobileApiIntegrationTestSupport {

    private static final String PATH = "/actuator/prometheus";

    private PrometheusScrape scrape() {
        String body = http().get().uri(PATH)
                .header(HttpHeaders.ACCEPT, PrometheusScrape.ACCEPT)
                .headers(h -> h.setBearerAuth(METRICS_TOKEN))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/openmetrics-text")
                .expectBody(String.class).returnResult().getResponseBody();
        return PrometheusScrape.parse(body);
    }

    @Test
    void scrapeWithTheCredentialAfterAFeedGotATicketThenFeedAndStreamSeriesMoved() {
        PrometheusScrape before = scrape();
        FeedRecorder feed = openFeed(connect(Transport.WEBSOCKET, cachedToken("worker1")), null);
        feed.awaitLive();
        TicketView dispatched = dispatchedTicket("T01-G01");
        feed.await(FeedItemKind.OFFERED, dispatched.id());

        PrometheusScrape during = scrape();
        assertThat(during.names("hotline_")).contains("hotline_mobile_feeds", "hotline_mobile_feed_items_total",
                "hotline_mobile_feed_overflows_total", "hotline_stream_entries_read_total",
                "hotline_stream_follow_errors_total", "hotline_outbox_relayed_total", "hotline_outbox_relay_leader");
        assertThat(during.samples().stream().filter(s -> s.name().startsWith("hotline_")))
                .as("every series says which app it is from")
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("application", "mobile-api"));
        assertThat(during.sum("hotline_mobile_feeds", Map.of())).isGreaterThanOrEqualTo(1);
        for (String kind : new String[] {"LIVE", "OFFERED"}) {
            assertThat(during.sum("hotline_mobile_feed_items_total", Map.of("kind", kind))).as(kind)
                    .isGreaterThan(before.sum("hotline_mobile_feed_items_total", Map.of("kind", kind)));
        }
        assertThat(during.sum("hotline_stream_entries_read_total", Map.of()))
                .isGreaterThan(before.sum("hotline_stream_entries_read_total", Map.of()));

        feed.dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().sum("hotline_mobile_feeds", Map.of())
                == during.sum("hotline_mobile_feeds", Map.of()) - 1);
    }

    @Test
    void scrapeWithoutTokenThenUnauthorizedProblem() {
        http().get().uri(PATH).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void scrapeWithAWrongCredentialThenUnauthorized() {
        http().get().uri(PATH).headers(h -> h.setBearerAuth(METRICS_TOKEN.replace('0', '1'))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void scrapeWithAPhonesTokenThenForbidden() {
        http().get().uri(PATH).headers(h -> h.setBearerAuth(cachedToken("worker1"))).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void scrapeWithAnAdministratorsTokenThenForbiddenOnThePhoneEdge() {
        http().get().uri(PATH).headers(h -> h.setBearerAuth(deskToken("admin"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void scrapeCredentialOnAnyOtherRouteThenUnauthorized() {
        for (String route : new String[] {"/mobile/v1/tickets", "/actuator/info"}) {
            http().get().uri(route).headers(h -> h.setBearerAuth(METRICS_TOKEN)).exchange()
                    .expectStatus().isUnauthorized();
        }
        http().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
