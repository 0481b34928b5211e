package com.hotlineops.server.shift;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.shift.DirectorCall;
import com.hotlineops.contract.shift.MyShift;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Directors' shifts (DESIGN.md §2.7): schedule CRUD, director-taken tickets and calls, "my shift". */
class ShiftIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID DIRECTOR = DemoOrganisation.idOf("director1");

    @Autowired
    Clock clock;

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private WebTestClient.ResponseSpec create(String user, ShiftRequest request) {
        return http.post().uri("/api/v1/shifts").headers(h -> h.setBearerAuth(bearer(user))).bodyValue(request)
                .exchange();
    }

    private MyShift mine() {
        return http.get().uri("/api/v1/shifts/mine").headers(h -> h.setBearerAuth(bearer("director1"))).exchange()
                .expectStatus().isOk().expectBody(MyShift.class).returnResult().getResponseBody();
    }

    private UUID intakeBy(String user) {
        return http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer(user)))
                .bodyValue(new IntakeRequest(Channel.HOTLINE, null, new Citizen(null, null), "领导接听：供暖不热",
                        "小区供暖温度不达标", null, null, null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
    }

    @Test
    void ticketsADirectorCreatesOnShiftAreDirectorTakenAndListedWithTheirSlaState() {
        Instant now = clock.instant();
        Shift shift = create("supervisor1", new ShiftRequest(DIRECTOR, DemoOrganisation.idOf("DEP-HOUSING"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), "A-01"))
                .expectStatus().isCreated().expectBody(Shift.class).returnResult().getResponseBody();
        try {
            UUID taken = intakeBy("director1");
            UUID notTaken = intakeBy("agent1");
            http.post().uri("/api/v1/tickets/" + taken + "/submit").headers(h -> h.setBearerAuth(bearer("director1")))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/v1/tickets/" + taken + "/dispatch")
                    .headers(h -> h.setBearerAuth(bearer("dispatcher1")))
                    .bodyValue(new DispatchRequest(DemoOrganisation.idOf("DEP-HOUSING"), null, null)).exchange()
                    .expectStatus().isOk();

            MyShift page = mine();
            assertThat(page.onShiftNow()).extracting(Shift::id).containsExactly(shift.id());
            assertThat(page.onShiftNow().get(0).directorName()).isEqualTo("值班领导");
            assertThat(page.tickets()).extracting(t -> t.id()).contains(taken).doesNotContain(notTaken);
            assertThat(page.tickets()).filteredOn(t -> t.id().equals(taken)).singleElement()
                    .satisfies(t -> assertThat(t.finishState()).isEqualTo(SlaState.ON_TRACK));
        } finally {
            http.delete().uri("/api/v1/shifts/" + shift.id()).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                    .exchange().expectStatus().isNoContent();
        }
        UUID offShift = intakeBy("director1");
        assertThat(mine().tickets()).extracting(t -> t.id()).doesNotContain(offShift);
    }

    private void postCalls(List<CtiEvent> events) {
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(bearer("cti"))).bodyValue(events)
                .exchange().expectStatus().isOk();
    }

    /** An offered and answered call: {@code waitSeconds} after the offer, {@code agent} answers. */
    private static List<CtiEvent> answered(String callId, String agent, Instant offered, long waitSeconds) {
        return List.of(
                CtiEvent.call(callId + "-o", CtiEventType.CALL_OFFERED, callId, CallQueue.GENERAL, offered,
                        "13812345678", null),
                CtiEvent.call(callId + "-a", CtiEventType.CALL_ANSWERED, callId, CallQueue.GENERAL,
                        offered.plusSeconds(waitSeconds), null, agent));
    }

    @Test
    void callsAnsweredAtTheSeatOrByTheDirectorOnShiftThenDirectorTakenOnMyShiftAndGoneWithTheShift() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant start = now.minus(Duration.ofHours(1));
        // Stored before the shift is entered: tagged when the shift is created.
        String before = run + "-before";
        postCalls(answered(before, "S-" + run, now.minus(Duration.ofMinutes(40)), 7));
        Shift shift = create("supervisor1", new ShiftRequest(DIRECTOR, null, start, now.plus(Duration.ofHours(2)),
                "S-" + run)).expectStatus().isCreated().expectBody(Shift.class).returnResult().getResponseBody();
        try {
            String atSeat = run + "-seat";
            String byName = run + "-name";
            String beforeShift = run + "-early";
            String otherAgent = run + "-other";
            List<CtiEvent> events = new ArrayList<>();
            events.addAll(answered(atSeat, "S-" + run, now.minus(Duration.ofMinutes(20)), 12));
            events.addAll(answered(byName, "director1", now.minus(Duration.ofMinutes(10)), 3));
            events.addAll(answered(beforeShift, "S-" + run, start.minus(Duration.ofMinutes(5)), 4));
            events.addAll(answered(otherAgent, "A-" + run, now.minus(Duration.ofMinutes(5)), 2));
            postCalls(events);

            List<DirectorCall> calls = mine().calls();
            assertThat(calls).extracting(DirectorCall::callId).containsSubsequence(byName, atSeat, before)
                    .doesNotContain(beforeShift, otherAgent);
            DirectorCall seat = calls.stream().filter(c -> c.callId().equals(atSeat)).findFirst().orElseThrow();
            assertThat(seat.shiftId()).isEqualTo(shift.id());
            assertThat(seat.agentId()).isEqualTo("S-" + run);
            assertThat(seat.answeredAt()).isEqualTo(now.minus(Duration.ofMinutes(20)).plusSeconds(12));
            assertThat(seat.waitSeconds()).isEqualTo(12.0);
            assertThat(seat.callerNumberMasked()).isEqualTo("138****5678");
            assertThat(calls.toString()).doesNotContain("13812345678");

            // Moving the shift so that it starts after the first two calls untags them.
            http.put().uri("/api/v1/shifts/" + shift.id()).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                    .bodyValue(new ShiftRequest(DIRECTOR, null, now.minus(Duration.ofMinutes(15)),
                            now.plus(Duration.ofHours(2)), "S-" + run))
                    .exchange().expectStatus().isOk();
            assertThat(mine().calls()).extracting(DirectorCall::callId).contains(byName)
                    .doesNotContain(atSeat, before, beforeShift, otherAgent);
        } finally {
            http.delete().uri("/api/v1/shifts/" + shift.id()).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                    .exchange().expectStatus().isNoContent();
        }
        assertThat(mine().calls()).extracting(DirectorCall::callId).doesNotContain(run + "-name");
    }

    @Test
    void scheduleCrudBySupervisorWithOverlapAndBadInputRefusedButAgentForbidden() {
        Instant start = Instant.parse("2031-03-02T01:00:00Z");
        ShiftRequest morning = new ShiftRequest(DIRECTOR, null, start, start.plus(Duration.ofHours(4)), "B-02");
        create("agent1", morning).expectStatus().isForbidden();
        Shift created = create("supervisor1", morning).expectStatus().isCreated().expectBody(Shift.class)
                .returnResult().getResponseBody();
        create("supervisor1", new ShiftRequest(DIRECTOR, null, start.plus(Duration.ofHours(3)),
                start.plus(Duration.ofHours(6)), null)).expectStatus().isBadRequest();
        create("supervisor1", new ShiftRequest(DemoOrganisation.idOf("agent1"), null, start,
                start.plus(Duration.ofHours(1)), null)).expectStatus().isBadRequest();
        create("supervisor1", new ShiftRequest(DIRECTOR, null, start, start.minusSeconds(1), null))
                .expectStatus().isBadRequest();

        Shift moved = http.put().uri("/api/v1/shifts/" + created.id()).headers(h -> h.setBearerAuth(bearer("admin")))
                .bodyValue(new ShiftRequest(DIRECTOR, null, start.plus(Duration.ofHours(1)),
                        start.plus(Duration.ofHours(5)), "B-03"))
                .exchange().expectStatus().isOk().expectBody(Shift.class).returnResult().getResponseBody();
        assertThat(moved.seat()).isEqualTo("B-03");

        List<Shift> listed = http.get().uri("/api/v1/shifts?from=2031-03-01T00:00:00Z&to=2031-03-03T00:00:00Z")
                .headers(h -> h.setBearerAuth(bearer("wall"))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Shift>>() { }).returnResult().getResponseBody();
        assertThat(listed).containsExactly(moved);

        for (int i = 0; i < 2; i++) {
            http.delete().uri("/api/v1/shifts/" + created.id()).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                    .exchange().expectStatus().isNoContent();
        }
        http.get().uri("/api/v1/shifts/" + created.id()).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void directorsForTheScheduleThenEveryDirectorByNameAndOnlyThemButAgentForbidden() {
        List<Map<String, String>> directors = http.get().uri("/api/v1/shifts/directors")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, String>>>() { }).returnResult()
                .getResponseBody();

        assertThat(directors).containsExactly(Map.of("id", DIRECTOR.toString(), "name", "值班领导"));
        http.get().uri("/api/v1/shifts/directors").headers(h -> h.setBearerAuth(bearer("agent1"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void myShiftIsForDirectorsOnly() {
        http.get().uri("/api/v1/shifts/mine").headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange()
                .expectStatus().isForbidden();
    }
}
