package com.hotlineops.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The API documents itself (issue #3): the OpenAPI document lists the ticket, calendar, SLA and shift routes, and the
 * partner and Open311 routes with a partner's change history, and user administration with its 409 for a username
 * created twice.
 */
class ApiDocsIntegrationTests extends BackendIntegrationTest {

    @Autowired
    WebTestClient client;

    /** The first request builds the document, which takes more than the default 5 s on a busy machine. */
    private WebTestClient http() {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void openApiDocumentListsTheLifecycleCalendarSlaMarkTrackAndShiftRoutesWithoutAToken() {
        http().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/calendar/add'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/calendar/days/{date}'].put").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/history'].get").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/return/reject'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/extension/approve'].post").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/revisit'].post").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/sla'].get").exists()
                .jsonPath("$.paths['/api/v1/mark-track/board'].get").exists()
                .jsonPath("$.paths['/api/v1/shifts/mine'].get").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}/three-way-calls'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/enterprise/ledger.xlsx'].get").exists()
                .jsonPath("$.paths['/api/v1/hotspots'].get").exists()
                .jsonPath("$.paths['/api/v1/reports/weekly'].get").exists()
                .jsonPath("$.paths['/api/v1/reports/weekly.pdf'].get").exists()
                .jsonPath("$.paths['/api/v1/reports/bulletin.xlsx'].get").exists()
                .jsonPath("$.paths['/api/v1/reports/special'].get").exists();
    }

    @Test
    void openApiDocumentListsThePartnerAndOpen311Routes() {
        http().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/admin/partners'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/keys'].post").exists()
                .jsonPath("$.paths['/api/v1/admin/partners/{id}/changes'].get.summary")
                .value(s -> assertThat((String) s).contains("newest first").contains("nextCursor").contains("404"))
                .jsonPath("$.paths['/open311/v2/services.{format}'].get").exists()
                .jsonPath("$.paths['/open311/v2/services/{code}.{format}'].get").exists()
                .jsonPath("$.paths['/open311/v2/requests.{format}'].get").exists()
                .jsonPath("$.paths['/open311/v2/requests.{format}'].post.summary").exists()
                .jsonPath("$.paths['/open311/v2/requests/{id}.{format}'].get").exists()
                .jsonPath("$.paths['/open311/v2/tokens/{token}.{format}'].get").exists()
                .jsonPath("$.paths['/api/v1/intake'].post.summary").value(s -> assertThat((String) s)
                        .contains("idempotent"))
                .jsonPath("$.paths['/api/v1/intake'].post.description").value(d -> assertThat((String) d)
                        .contains("X-Api-Key").contains("emergencyNumber"))
                .jsonPath("$.paths['/api/v1/intake'].post.parameters[?(@.name == 'X-Api-Key')]").exists();
    }

    @Test
    void openApiDocumentListsTheUserAdministrationRoutesAndSaysACreatedUsernameAgainIs409() {
        http().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/users'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/users'].post.summary").value(s -> assertThat((String) s)
                        .contains("Not idempotent").contains("409"))
                .jsonPath("$.paths['/api/v1/users/{id}'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/users/{id}/disable'].post.summary").value(s -> assertThat((String) s)
                        .contains("refresh tokens are refused"))
                .jsonPath("$.paths['/api/v1/users/{id}/enable'].post").exists()
                .jsonPath("$.paths['/api/v1/users/{id}/password'].post").exists()
                .jsonPath("$.paths['/api/v1/users/{id}/changes'].get.summary")
                .value(s -> assertThat((String) s).contains("newest first").contains("nextCursor").contains("404"))
                .jsonPath("$.paths['/api/v1/auth/password'].post.summary").value(s -> assertThat((String) s)
                        .contains("429").contains("other session"));
    }
}
