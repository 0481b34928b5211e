package com.hotlineops.server.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.contract.sla.SlaLimit;
import com.hotlineops.contract.sla.SlaPolicyEdit;
import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** SLA policies as editable data (DESIGN.md §2.3, docs/decisions/0022): ADMIN only, validated, idempotent PUT. */
class SlaPolicyIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final SlaPolicyEdit COMPLEX_DEFAULT = new SlaPolicyEdit(new SlaLimit(2, DurationUnit.WORKING_HOURS),
            new SlaLimit(7, DurationUnit.WORKING_DAYS));

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private WebTestClient.ResponseSpec put(String user, String grade, Object body) {
        return http.put().uri("/api/v1/sla/policies/" + grade).headers(h -> h.setBearerAuth(bearer(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private SlaPolicyView policy(String grade) {
        return http.get().uri("/api/v1/sla/policies/" + grade).headers(h -> h.setBearerAuth(bearer("admin")))
                .exchange().expectStatus().isOk().expectBody(SlaPolicyView.class).returnResult().getResponseBody();
    }

    private TicketView dispatchedComplexTicket() {
        UUID id = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(Channel.ENTERPRISE_LINE, null, new Citizen(null, null), "用电报装疑难",
                        "企业新建厂房用电报装三个月未完成", null, null, TicketGrade.ENTERPRISE_COMPLEX, true))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
        http.post().uri("/api/v1/tickets/" + id + "/submit").headers(h -> h.setBearerAuth(bearer("agent1")))
                .exchange().expectStatus().isOk();
        return http.post().uri("/api/v1/tickets/" + id + "/dispatch")
                .headers(h -> h.setBearerAuth(bearer("dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf("DEP-HOUSING"), null, null))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private TicketView ticket(UUID id) {
        return http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(bearer("dispatcher1")))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    @Test
    void adminListsTheShippedPoliciesAndOtherRolesAreDenied() {
        List<SlaPolicyView> all = http.get().uri("/api/v1/sla/policies").headers(h -> h.setBearerAuth(bearer("admin")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<SlaPolicyView>>() { }).returnResult()
                .getResponseBody();
        assertThat(all).extracting(SlaPolicyView::grade)
                .containsExactly("IMMEDIATE", "STANDARD", "ENTERPRISE_GENERAL", "ENTERPRISE_COMPLEX", "REVISIT");
        assertThat(all).filteredOn(p -> p.grade().equals("STANDARD")).singleElement().satisfies(p -> {
            assertThat(p.signFor()).isEqualTo(new SlaLimit(2, DurationUnit.WORKING_HOURS));
            assertThat(p.finish()).isEqualTo(new SlaLimit(3, DurationUnit.WORKING_DAYS));
        });
        assertThat(all).filteredOn(p -> p.grade().equals("REVISIT")).singleElement()
                .satisfies(p -> assertThat(p.signFor()).isNull());

        for (String user : List.of("supervisor1", "dispatcher1", "agent1", "wall")) {
            http.get().uri("/api/v1/sla/policies").headers(h -> h.setBearerAuth(bearer(user))).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            put(user, "STANDARD", new SlaPolicyEdit(new SlaLimit(1, DurationUnit.WORKING_HOURS),
                    new SlaLimit(1, DurationUnit.WORKING_DAYS))).expectStatus().isForbidden();
        }
        http.get().uri("/api/v1/sla/policies").exchange().expectStatus().isUnauthorized();
        assertThat(policy("STANDARD").finish()).isEqualTo(new SlaLimit(3, DurationUnit.WORKING_DAYS));
    }

    @Test
    void badPolicyThenProblemAndNothingChanged() {
        SlaPolicyView before = policy("IMMEDIATE");
        put("admin", "IMMEDIATE", Map.of("signFor", Map.of("amount", 2, "unit", "WORKING_HOURS")))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("finish"));
        put("admin", "IMMEDIATE", new SlaPolicyEdit(new SlaLimit(2, DurationUnit.WORKING_HOURS),
                new SlaLimit(0, DurationUnit.WORKING_DAYS))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("between 1 and 60"));
        put("admin", "IMMEDIATE", new SlaPolicyEdit(new SlaLimit(2, DurationUnit.WORKING_DAYS),
                new SlaLimit(1, DurationUnit.WORKING_DAYS))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("longer"));
        put("admin", "IMMEDIATE", new SlaPolicyEdit(null, new SlaLimit(1, DurationUnit.WORKING_DAYS)))
                .expectStatus().isBadRequest();
        put("admin", "IMMEDIATE", Map.of("signFor", Map.of("amount", 2, "unit", "FORTNIGHTS"),
                "finish", Map.of("amount", 1, "unit", "WORKING_DAYS"))).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("admin", "REVISIT", new SlaPolicyEdit(new SlaLimit(1, DurationUnit.WORKING_HOURS),
                new SlaLimit(1, DurationUnit.WORKING_DAYS))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("revisit"));
        put("admin", "URGENT", COMPLEX_DEFAULT).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(policy("IMMEDIATE")).isEqualTo(before);
    }

    @Test
    void changedPolicyThenOpenTicketsMovedNewTicketsFollowAndRepeatingChangesNothing() {
        TicketView open = dispatchedComplexTicket();
        try {
            // Wall-clock hours, so the expected deadlines are plain arithmetic on the dispatch time.
            SlaPolicyEdit edit = new SlaPolicyEdit(new SlaLimit(3, DurationUnit.HOURS),
                    new SlaLimit(200, DurationUnit.HOURS));
            SlaPolicyEditResult first = put("admin", "ENTERPRISE_COMPLEX", edit).expectStatus().isOk()
                    .expectBody(SlaPolicyEditResult.class).returnResult().getResponseBody();
            assertThat(first.changed()).isTrue();
            assertThat(first.ticketsMoved()).isPositive();
            assertThat(first.policy().updatedBy()).isEqualTo("admin");
            assertThat(first.policy().finish()).isEqualTo(new SlaLimit(200, DurationUnit.HOURS));

            TicketView moved = ticket(open.id());
            assertThat(moved.acceptDue()).isEqualTo(open.dispatchedAt().plus(Duration.ofHours(3)));
            assertThat(moved.finishDue()).isEqualTo(open.dispatchedAt().plus(Duration.ofHours(200)));

            SlaPolicyEditResult again = put("admin", "ENTERPRISE_COMPLEX", edit).expectStatus().isOk()
                    .expectBody(SlaPolicyEditResult.class).returnResult().getResponseBody();
            assertThat(again.changed()).isFalse();
            assertThat(again.ticketsMoved()).isZero();
            assertThat(again.policy()).isEqualTo(first.policy());
            assertThat(ticket(open.id()).version()).isEqualTo(moved.version());

            TicketView fresh = dispatchedComplexTicket();
            assertThat(fresh.acceptDue()).isEqualTo(fresh.dispatchedAt().plus(Duration.ofHours(3)));
            assertThat(fresh.finishDue()).isEqualTo(fresh.dispatchedAt().plus(Duration.ofHours(200)));
        } finally {
            put("admin", "ENTERPRISE_COMPLEX", COMPLEX_DEFAULT).expectStatus().isOk();
        }
        assertThat(ticket(open.id()).finishDue()).isNotEqualTo(open.dispatchedAt().plus(Duration.ofHours(200)))
                .isEqualTo(open.finishDue());
    }
}
