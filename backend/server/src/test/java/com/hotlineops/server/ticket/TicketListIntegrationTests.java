package com.hotlineops.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.ExtensionRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketPage;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.contract.marktrack.TagRequest;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/v1/tickets} (the consoles' work queues) and the overlays on {@link TicketView}, on real PostgreSQL.
 * The test database is shared by the test classes of this JVM, so each test marks its tickets' titles with a word of
 * its own and filters by it.
 */
class TicketListIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final UUID T02 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_DONGHU);
    private static final UUID G01 = DemoOrganisation.idOf(DemoOrganisation.GRID_CHENGGUAN_1);

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private TicketView intake(Channel channel, String title) {
        return http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(channel, null, new Citizen("王五", "13700003333"), title, "路灯不亮",
                        null, "城关街道", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket();
    }

    private TicketView post(String user, UUID ticket, String action, Object body) {
        return http.post().uri("/api/v1/tickets/" + ticket + "/" + action).headers(h -> h.setBearerAuth(bearer(user)))
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult()
                .getResponseBody();
    }

    private TicketPage page(String user, String query) {
        return http.get().uri("/api/v1/tickets?" + query).headers(h -> h.setBearerAuth(bearer(user))).exchange()
                .expectStatus().isOk().expectBody(TicketPage.class).returnResult().getResponseBody();
    }

    private static List<String> numbers(TicketPage page) {
        return page.items().stream().map(i -> i.ticket().number()).toList();
    }

    private static String marker() {
        return "路灯" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void statusFilterReturnsTheDispatchQueueOldestFirstWithSlaStateOnlyWhereAClockRuns() {
        String marker = marker();
        TicketView received = intake(Channel.HOTLINE, marker + " 一");
        TicketView pending1 = intake(Channel.WEB_MESSAGE, marker + " 二");
        TicketView pending2 = intake(Channel.CITY_APP, marker + " 三");
        TicketView dispatched = intake(Channel.WEB_MESSAGE, marker + " 四");
        post("dispatcher1", dispatched.id(), "dispatch", new DispatchRequest(T01, G01, "请核实"));

        TicketPage queue = page("dispatcher1", "status=PENDING_DISPATCH&q=" + marker);
        assertThat(numbers(queue)).containsExactly(pending1.number(), pending2.number());
        assertThat(queue.items()).allSatisfy(i -> assertThat(i.sla()).isNull());
        assertThat(queue.nextCursor()).isNull();

        TicketPage both = page("dispatcher1", "status=RECEIVED,DISPATCHED&q=" + marker);
        assertThat(numbers(both)).containsExactly(received.number(), dispatched.number());
        TicketListItem running = both.items().get(1);
        assertThat(running.sla()).isEqualTo(SlaState.ON_TRACK);
        assertThat(running.nextDue()).isNotNull();
        assertThat(running.unitName()).isEqualTo("城关街道");
        assertThat(running.ticket().citizenPhoneMasked()).doesNotContain("13700003333");

        assertThat(numbers(page("dispatcher1", "sla=ON_TRACK&q=" + marker))).containsExactly(dispatched.number());
        assertThat(numbers(page("dispatcher1", "sla=OVERDUE&q=" + marker))).isEmpty();
    }

    @Test
    void keysetPagesCoverEveryTicketOnceInBothOrders() {
        String marker = marker();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TicketView t = intake(Channel.WEB_MESSAGE, marker + " " + i);
            if (i % 2 == 0) {
                post("dispatcher1", t.id(), "dispatch", new DispatchRequest(T01, null, null));
            }
            created.add(t.number());
        }
        for (String sort : List.of("CREATED", "DUE")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                TicketPage page = page("supervisor1", "limit=2&sort=" + sort + "&q=" + marker
                        + (cursor == null ? "" : "&cursor=" + cursor));
                seen.addAll(numbers(page));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
            if (sort.equals("CREATED")) {
                assertThat(seen).containsExactlyElementsOf(created);
            } else {
                // the three dispatched tickets (running clocks) before the two still waiting for dispatch
                assertThat(seen.subList(0, 3)).containsExactlyInAnyOrder(created.get(0), created.get(2),
                        created.get(4));
            }
        }
    }

    @Test
    void unitHandlerSeesOnlyItsUnitWhileGridWorkerWallAndPartnerAreForbidden() {
        String marker = marker();
        TicketView mine = intake(Channel.WEB_MESSAGE, marker + " 城关");
        post("dispatcher1", mine.id(), "dispatch", new DispatchRequest(T01, G01, null));
        TicketView other = intake(Channel.WEB_MESSAGE, marker + " 东湖");
        post("dispatcher1", other.id(), "dispatch", new DispatchRequest(T02, null, null));

        assertThat(numbers(page("supervisor1", "q=" + marker))).containsExactly(mine.number(), other.number());
        assertThat(numbers(page("handler-t01", "q=" + marker))).containsExactly(mine.number());
        assertThat(numbers(page("handler-t01", "unitId=" + T02 + "&q=" + marker))).isEmpty();

        // grid workers use mobile-api; the wall sees aggregates only
        for (String user : List.of("worker1", "wall", "cti")) {
            http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(bearer(user))).exchange()
                    .expectStatus().isForbidden();
        }
        http.get().uri("/api/v1/tickets").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void overlaysShowOnTheTicketAndFilterTheBoards() {
        String marker = marker();
        TicketView t = intake(Channel.WEB_MESSAGE, marker);
        post("dispatcher1", t.id(), "dispatch", new DispatchRequest(T01, null, null));
        http.post().uri("/api/v1/tickets/" + t.id() + "/accept").headers(h -> h.setBearerAuth(bearer("handler-t01")))
                .bodyValue(new DeskCommand(UUID.randomUUID(), null)).exchange().expectStatus().isOk();

        TicketView extended = post("handler-t01", t.id(), "extension", new ExtensionRequest(2, "需协调供电公司"));
        assertThat(extended.overlays().extensionDaysRequested()).isEqualTo(2);
        assertThat(extended.overlays().extensionReason()).isEqualTo("需协调供电公司");
        assertThat(numbers(page("dispatcher1", "extensionPending=true&q=" + marker))).containsExactly(t.number());

        TicketView supervised = post("supervisor1", t.id(), "supervise", new ReasonRequest("群众反映强烈"));
        assertThat(supervised.overlays().supervised()).isTrue();
        assertThat(numbers(page("supervisor1", "supervised=true&q=" + marker))).containsExactly(t.number());
        assertThat(numbers(page("supervisor1", "supervised=false&q=" + marker))).isEmpty();

        TicketView tagged = post("supervisor1", t.id(), "tags", new TagRequest("PROMISED", "承诺三日内修复"));
        assertThat(tagged.overlays().tags()).contains("PROMISED");
        assertThat(numbers(page("supervisor1", "tag=PROMISED&q=" + marker))).containsExactly(t.number());

        TicketView approved = post("dispatcher1", t.id(), "extension/approve", new ReasonRequest("同意"));
        assertThat(approved.overlays().extensionPending()).isFalse();
        assertThat(approved.overlays().extendedDays()).isEqualTo(2);
        assertThat(numbers(page("dispatcher1", "extensionPending=true&q=" + marker))).isEmpty();
    }

    @Test
    void badFiltersAreProblemsNotServerErrors() {
        for (String query : List.of("limit=500", "limit=-1", "sla=MET", "status=NOPE", "cursor=not-a-cursor",
                "cursor=" + java.util.Base64.getUrlEncoder().encodeToString("x'; drop table ticket|1".getBytes()))) {
            http.get().uri("/api/v1/tickets?" + query).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
