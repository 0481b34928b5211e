package com.hotlineops.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.callback.CallbackAttemptRequest;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.server.wall.LiveState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The callback queue of DESIGN.md §2.4 through the CTI and callback APIs, on real PostgreSQL and Redis. */
class CallbackQueueIntegrationTests extends BackendIntegrationTest {

    @Autowired
    Clock clock;
    @Autowired
    LiveState live;

    private static String newNumber() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(minutes));
    }

    private static String event(String eventId, String type, String callId, Instant at, String number) {
        return """
                {"eventId":"%s","type":"%s","callId":"%s","queue":"GENERAL","occurredAt":"%s"%s}"""
                .formatted(eventId, type, callId, at, number == null ? "" : ",\"callerNumber\":\"" + number + "\"");
    }

    /** A call from {@code number} offered at {@code offered}, abandoned after {@code waitSeconds}. */
    private static String abandoned(String number, Instant offered, int waitSeconds) {
        String call = UUID.randomUUID().toString();
        return event(call + "-o", "CALL_OFFERED", call, offered, number) + "\n"
                + event(call + "-x", "CALL_ABANDONED", call, offered.plusSeconds(waitSeconds), null);
    }

    private static String answered(String number, Instant offered) {
        String call = UUID.randomUUID().toString();
        return event(call + "-o", "CALL_OFFERED", call, offered, number) + "\n"
                + event(call + "-a", "CALL_ANSWERED", call, offered.plusSeconds(8), null);
    }

    private void post(String ndjson) {
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rejected").isEqualTo(0);
    }

    private List<Map<String, Object>> tasksOf(String number) {
        return db.sql("select id, status, merged_calls, due_at, first_abandoned_at from callback_task"
                        + " where caller_number = $1 order by first_abandoned_at")
                .bind(0, number).fetch().all().collectList().block(Duration.ofSeconds(10));
    }

    private WebTestClient.ResponseSpec claim(Object id, String user) {
        return http.post().uri("/api/v1/callbacks/{id}/claim", id).headers(h -> h.setBearerAuth(token(http, user)))
                .exchange();
    }

    private WebTestClient.ResponseSpec attempt(Object id, String user, CallbackOutcome outcome) {
        return http.post().uri("/api/v1/callbacks/{id}/attempts", id).headers(h -> h.setBearerAuth(token(http, user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new CallbackAttemptRequest(outcome))
                .exchange();
    }

    private CallbackFigures figures() {
        return http.get().uri("/api/v1/callbacks/figures").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .exchange().expectStatus().isOk().expectBody(CallbackFigures.class).returnResult().getResponseBody();
    }

    @Test
    void longAbandonWithNumberThenOpenTaskDueThirtyMinutesAfterTheAbandonListedWithMaskedNumber() {
        String number = newNumber();
        Instant offered = minutesAgo(5);

        post(abandoned(number, offered, 20));

        List<Map<String, Object>> tasks = tasksOf(number);
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("status")).isEqualTo("OPEN"));
        List<CallbackTaskView> open = http.get().uri("/api/v1/callbacks?open=true")
                .headers(h -> h.setBearerAuth(token(http, "agent1")))
                .exchange().expectStatus().isOk()
                .expectBodyList(CallbackTaskView.class).returnResult().getResponseBody();
        CallbackTaskView view = open.stream().filter(v -> v.id().equals(tasks.getFirst().get("id").toString()))
                .findFirst().orElseThrow();
        assertThat(view.callerNumber()).isNull();
        assertThat(view.callerNumberMasked()).isEqualTo(number.substring(0, 3) + "****" + number.substring(7)).doesNotContain(
                number.substring(0, 7));
        assertThat(view.dueAt()).isEqualTo(offered.plusSeconds(20).plus(Duration.ofMinutes(30)));
        assertThat(view.overdue()).isFalse();
    }

    @Test
    void shortAbandonOrNoNumberThenNoTask() {
        String number = newNumber();

        post(abandoned(number, minutesAgo(5), 4) + "\n" + abandoned(null, minutesAgo(5), 60));

        assertThat(tasksOf(number)).isEmpty();
    }

    @Test
    void secondLongAbandonOfTheSameNumberThenMergedIntoTheOpenTaskKeepingTheEarliestDueTime() {
        String number = newNumber();
        Instant first = minutesAgo(20);

        post(abandoned(number, minutesAgo(10), 30));
        post(abandoned(number, first, 30));

        assertThat(tasksOf(number)).singleElement().satisfies(t -> {
            assertThat(t.get("merged_calls")).isEqualTo(2);
            assertThat(((java.time.OffsetDateTime) t.get("due_at")).toInstant())
                    .isEqualTo(first.plusSeconds(30).plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void callerGotThroughAfterAbandoningThenTaskClosedAsCallerReachedUsWhicheverArrivesFirst() {
        String later = newNumber();
        post(abandoned(later, minutesAgo(20), 30));
        post(answered(later, minutesAgo(10)));

        String earlier = newNumber();
        post(answered(earlier, minutesAgo(10)));
        post(abandoned(earlier, minutesAgo(20), 30));

        assertThat(tasksOf(later)).singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("CALLER_REACHED_US"));
        assertThat(tasksOf(earlier)).singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("CALLER_REACHED_US"));
    }

    @Test
    void answeredCallBeforeTheAbandonThenTaskStaysOpen() {
        String number = newNumber();

        post(answered(number, minutesAgo(30)));
        post(abandoned(number, minutesAgo(10), 30));

        assertThat(tasksOf(number)).singleElement().satisfies(t -> assertThat(t.get("status")).isEqualTo("OPEN"));
    }

    @Test
    void abandonPostedBeforeItsOfferInAnotherRequestThenTaskCreatedOnce() {
        String number = newNumber();
        String call = UUID.randomUUID().toString();
        Instant offered = minutesAgo(8);
        String offer = event(call + "-o", "CALL_OFFERED", call, offered, number);
        String abandon = event(call + "-x", "CALL_ABANDONED", call, offered.plusSeconds(40), null);

        post(abandon);
        post(offer);
        post(offer + "\n" + abandon);

        assertThat(tasksOf(number)).singleElement()
                .satisfies(t -> assertThat(t.get("merged_calls")).isEqualTo(1));
    }

    @Test
    void concurrentClaimsByFourStaffThenExactlyOneWinsAndTheOthersGetConflict() {
        String number = newNumber();
        post(abandoned(number, minutesAgo(5), 30));
        Object id = tasksOf(number).getFirst().get("id");
        List<String> users = List.of("agent1", "director1", "supervisor1", "admin");
        Map<String, String> tokens = Flux.fromIterable(users).collectMap(u -> u, u -> token(http, u))
                .block(Duration.ofSeconds(30));

        List<HttpStatus> statuses = Flux.fromIterable(users)
                .flatMap(u -> Mono.fromCallable(() -> HttpStatus.valueOf(http.post()
                                .uri("/api/v1/callbacks/{id}/claim", id)
                                .headers(h -> h.setBearerAuth(tokens.get(u)))
                                .exchange().returnResult(String.class).getStatus().value()))
                        .subscribeOn(Schedulers.boundedElastic()), 4)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).filteredOn(s -> s == HttpStatus.OK).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == HttpStatus.CONFLICT).hasSize(3);
    }

    @Test
    void claimantRecordsThreeFailedAttemptsThenTaskClosedAsNotReachedAndNoFourth() {
        String number = newNumber();
        post(abandoned(number, minutesAgo(5), 30));
        Object id = tasksOf(number).getFirst().get("id");

        CallbackTaskView claimed = claim(id, "agent1").expectStatus().isOk()
                .expectBody(CallbackTaskView.class).returnResult().getResponseBody();
        assertThat(claimed.callerNumber()).isEqualTo(number);
        attempt(id, "agent1", CallbackOutcome.NO_ANSWER).expectStatus().isOk();
        attempt(id, "agent1", CallbackOutcome.BUSY).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        claim(id, "supervisor1").expectStatus().isOk();
        attempt(id, "supervisor1", CallbackOutcome.BUSY).expectStatus().isOk();
        claim(id, "agent1").expectStatus().isOk();
        CallbackTaskView last = attempt(id, "agent1", CallbackOutcome.NO_ANSWER).expectStatus().isOk()
                .expectBody(CallbackTaskView.class).returnResult().getResponseBody();

        assertThat(last.status()).isEqualTo(CallbackStatus.NOT_REACHED);
        assertThat(last.attempts()).isEqualTo(3);
        claim(id, "agent1").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(db.sql("select count(*) as n from callback_attempt where task_id = $1").bind(0, id)
                .map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(5))).isEqualTo(3);
    }

    @Test
    void reachedOnFirstAttemptThenClosedAndCountedDoneTodayWithTimeToFirstAttempt() {
        CallbackFigures before = figures();
        String number = newNumber();
        post(abandoned(number, minutesAgo(50), 30));
        Object id = tasksOf(number).getFirst().get("id");
        CallbackFigures pending = figures();
        assertThat(pending.pending()).isEqualTo(before.pending() + 1);
        assertThat(pending.overdue()).isEqualTo(before.overdue() + 1);
        assertThat(pending.oldestPendingAgeSeconds()).isGreaterThanOrEqualTo(49 * 60);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                live.frame(FrameKind.UPDATE).calls().callbacks()).satisfies(wall -> {
                    assertThat(wall.pending()).isEqualTo(pending.pending());
                    assertThat(wall.overdue()).isEqualTo(pending.overdue());
                }));

        claim(id, "agent1").expectStatus().isOk();
        CallbackTaskView done = attempt(id, "agent1", CallbackOutcome.REACHED).expectStatus().isOk()
                .expectBody(CallbackTaskView.class).returnResult().getResponseBody();

        assertThat(done.status()).isEqualTo(CallbackStatus.REACHED);
        CallbackFigures after = figures();
        assertThat(after.pending()).isEqualTo(before.pending());
        assertThat(after.doneToday()).isGreaterThanOrEqualTo(before.doneToday() + 1);
        assertThat(after.medianSecondsToFirstAttempt()).isNotNull().isPositive();
    }

    @Test
    void unknownTaskThenNotFoundProblem() {
        claim(UUID.randomUUID(), "agent1").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wallOrTelephonePlatformThenForbiddenAndAgentOrSupervisorThenAllowed() {
        for (String user : List.of("wall", "cti", "worker1")) {
            http.get().uri("/api/v1/callbacks").headers(h -> h.setBearerAuth(token(http, user)))
                    .exchange().expectStatus().isForbidden();
        }
        for (String user : List.of("agent1", "supervisor1")) {
            http.get().uri("/api/v1/callbacks").headers(h -> h.setBearerAuth(token(http, user)))
                    .exchange().expectStatus().isOk();
        }
    }
}
