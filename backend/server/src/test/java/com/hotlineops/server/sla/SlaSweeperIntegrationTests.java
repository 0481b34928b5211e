package com.hotlineops.server.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.sla.SlaClockKind;
import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.sla.SlaEvent;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.server.BackendIntegrationTest;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Flux;

/** AT_RISK and OVERDUE fire exactly once per clock with two sweepers on one database (DESIGN.md §2.3). */
class SlaSweeperIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    TicketService tickets;

    @Autowired
    RedisClient redis;

    @Autowired
    HotlineProperties properties;

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private TicketView dispatched() {
        UUID id = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(Channel.WEB_MESSAGE, null, new Citizen(null, "13700003333"), "井盖缺失",
                        "人行道井盖缺失有安全隐患", null, "城关街道", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
        return http.post().uri("/api/v1/tickets/" + id + "/dispatch").headers(h -> h.setBearerAuth(bearer("dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private List<SlaClockView> clocks(UUID id) {
        return http.get().uri("/api/v1/tickets/" + id + "/sla").headers(h -> h.setBearerAuth(bearer("supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<SlaClockView>>() { }).returnResult().getResponseBody();
    }

    private SlaClockView clock(UUID id, SlaClockKind kind) {
        return clocks(id).stream().filter(c -> c.clock() == kind).findFirst().orElseThrow();
    }

    /** The SLA events of the ticket as published on the Redis stream, in stream order. */
    private List<String> published(UUID id) {
        try (var connection = redis.connect()) {
            return connection.sync().xrange(properties.redis().key("events"), Range.create("-", "+")).stream()
                    .filter(m -> "SLA".equals(m.getBody().get("topic")))
                    .map(m -> json.readValue(m.getBody().get("payload"), SlaEvent.class))
                    .filter(e -> e.ticketId().equals(id))
                    .map(e -> e.clock() + ":" + e.state())
                    .toList();
        }
    }

    /**
     * Waits until the relay has published the expected events, then requires exactly them: the relay publishes in
     * commit order, so a duplicate committed before the last expected event would be there too.
     */
    private void assertPublishedExactly(UUID id, String... expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(published(id)).containsExactly(expected));
    }

    private List<TicketEventView> history(UUID id) {
        return http.get().uri("/api/v1/tickets/" + id + "/history").headers(h -> h.setBearerAuth(bearer("supervisor1")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<TicketEventView>>() { }).returnResult()
                .getResponseBody();
    }

    /** Two sweepers at the same instant, each sweeping twice, all at once. */
    private void sweepWithTwoInstancesAt(Instant at) {
        SlaSweeper a = SlaSweeper.on(tickets, Clock.fixed(at, ZoneOffset.UTC));
        SlaSweeper b = SlaSweeper.on(tickets, Clock.fixed(at, ZoneOffset.UTC));
        Flux.merge(a.sweepOnce(), b.sweepOnce(), a.sweepOnce(), b.sweepOnce()).collectList()
                .block(Duration.ofSeconds(60));
    }

    /** Sweeps at {@code at} and answers how many announcements this ticket got (none may be pending for it after). */
    private long sweepsAt(Instant at, UUID id) {
        SlaSweeper.on(tickets, Clock.fixed(at, ZoneOffset.UTC)).sweepOnce().block(Duration.ofSeconds(60));
        return db.sql("""
                        select count(*) as n from ticket_sla_clock where ticket_id = :id
                           and (at_risk_notified_at = :at or overdue_notified_at = :at)""")
                .bind("id", id).bind("at", at.atOffset(ZoneOffset.UTC))
                .map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Test
    void dispatchedTicketHasRunningSignForAndFinishClocksOnTrack() {
        TicketView t = dispatched();
        SlaClockView signFor = clock(t.id(), SlaClockKind.SIGN_FOR);
        assertThat(signFor.startedAt()).isEqualTo(t.dispatchedAt());
        assertThat(signFor.dueAt()).isEqualTo(t.acceptDue());
        assertThat(signFor.atRiskAt()).isAfter(t.dispatchedAt()).isBefore(t.acceptDue());
        assertThat(signFor.state()).isEqualTo(SlaState.ON_TRACK);
        assertThat(clock(t.id(), SlaClockKind.FINISH).dueAt()).isEqualTo(t.finishDue());
    }

    @Test
    void twoSweepersAnnounceAtRiskThenOverdueExactlyOnceAndOverdueRaisesSupervision() {
        TicketView t = dispatched();
        SlaClockView signFor = clock(t.id(), SlaClockKind.SIGN_FOR);

        sweepWithTwoInstancesAt(signFor.atRiskAt().plusSeconds(1));
        assertPublishedExactly(t.id(), "SIGN_FOR:AT_RISK");
        assertThat(clock(t.id(), SlaClockKind.SIGN_FOR).state()).isEqualTo(SlaState.ON_TRACK);

        sweepWithTwoInstancesAt(signFor.dueAt().plusSeconds(1));
        assertPublishedExactly(t.id(), "SIGN_FOR:AT_RISK", "SIGN_FOR:OVERDUE");
        List<TicketEventView> events = history(t.id());
        assertThat(events).filteredOn(e -> e.type().equals("SUPERVISE")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sla-sweeper");
            assertThat(e.reason()).contains("SIGN_FOR overdue");
        });

        assertThat(sweepsAt(signFor.dueAt().plusSeconds(60), t.id())).isZero();
    }

    @Test
    void clockThatSkippedAtRiskAnnouncesOnlyOverdue() {
        TicketView t = dispatched();
        sweepWithTwoInstancesAt(t.acceptDue().plusSeconds(1));
        assertThat(sweepsAt(t.acceptDue().plusSeconds(2), t.id())).isZero();
        assertPublishedExactly(t.id(), "SIGN_FOR:OVERDUE");
    }

    @Test
    void acceptedInTimeThenSignForMetAndNoLongerSwept() {
        TicketView t = dispatched();
        http.post().uri("/api/v1/tickets/" + t.id() + "/accept").headers(h -> h.setBearerAuth(bearer("handler-t01")))
                .bodyValue(new DeskCommand(UUID.randomUUID(), null)).exchange().expectStatus().isOk();
        assertThat(clock(t.id(), SlaClockKind.SIGN_FOR).state()).isEqualTo(SlaState.MET);
        assertThat(sweepsAt(t.acceptDue().plusSeconds(1), t.id())).isZero();
        assertThat(clock(t.id(), SlaClockKind.FINISH).state()).isEqualTo(SlaState.ON_TRACK);
    }

    @Test
    void pausedFinishClockIsNotSweptAndShowsPaused() {
        TicketView t = dispatched();
        http.post().uri("/api/v1/tickets/" + t.id() + "/accept").headers(h -> h.setBearerAuth(bearer("handler-t01")))
                .bodyValue(new DeskCommand(UUID.randomUUID(), null)).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/tickets/" + t.id() + "/pause").headers(h -> h.setBearerAuth(bearer("handler-t01")))
                .bodyValue(new ReasonRequest("等待市民")).exchange().expectStatus().isOk();
        assertThat(clock(t.id(), SlaClockKind.FINISH).state()).isEqualTo(SlaState.PAUSED);
        assertThat(sweepsAt(t.finishDue().plus(Duration.ofDays(30)), t.id())).isZero();
    }

    @Test
    void supervisorRaisesSupervisionByHandButAgentIsForbidden() {
        TicketView t = dispatched();
        http.post().uri("/api/v1/tickets/" + t.id() + "/supervise").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new ReasonRequest("市民多次来电")).exchange().expectStatus().isForbidden();
        TicketView supervised = http.post().uri("/api/v1/tickets/" + t.id() + "/supervise")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).bodyValue(new ReasonRequest("市民多次来电"))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
        assertThat(supervised.status()).isEqualTo(t.status());
        assertThat(supervised.version()).isEqualTo(t.version() + 1);
        assertThat(history(t.id())).last().satisfies(e -> assertThat(e.type()).isEqualTo("SUPERVISE"));
    }
}
