package com.hotlineops.server;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API documents itself (issue #3): the OpenAPI document lists the ticket, calendar, SLA and shift routes. */
class ApiDocsIntegrationTests extends BackendIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void openApiDocumentListsTheLifecycleCalendarSlaMarkTrackAndShiftRoutesWithoutAToken() {
        // Building the document takes seconds on a loaded machine the first time; the default 5 s is too tight.
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
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
}
