package com.hotlineops.server.category;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.server.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CategoryIntegrationTests extends BackendIntegrationTest {

    @Test
    void anySignedInCallerThenTheTreeAndWithoutTokenUnauthorized() {
        http.get().uri("/api/v1/categories").headers(h -> h.setBearerAuth(token(http, "agent1"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].code").isEqualTo("01")
                .jsonPath("$[0].parentCode").doesNotExist()
                .jsonPath("$[?(@.code == '0201')].name").isEqualTo("噪声扰民");
        http.get().uri("/api/v1/categories").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void intakeWithACategoryOfTheTreeThenStoredAndWithAnUnknownOneThenProblem() {
        String agent = token(http, "agent1");
        http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(agent))
                .bodyValue(new IntakeRequest(Channel.HOTLINE, null, new Citizen(null, null), "夜间施工噪声",
                        "工地凌晨施工", "0201", "城关街道", null, null))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.ticket.categoryCode").isEqualTo("0201");
        http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(agent))
                .bodyValue(new IntakeRequest(Channel.HOTLINE, null, new Citizen(null, null), "夜间施工噪声",
                        "工地凌晨施工", "9999", "城关街道", null, null))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d)
                        .contains("9999"));
    }
}
