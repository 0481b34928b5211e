package com.hotlineops.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.callback.CallbackAttemptRequest;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.server.BackendIntegrationTest;
import io.rsocket.metadata.WellKnownMimeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * RSocket {@code callbacks.tasks} over a real TCP connection: the snapshot, then created, merged, claimed, attempt and
 * closed as they happen through the CTI and callback APIs; the full number only on the claimant's stream.
 */
class CallbackStreamIntegrationTests extends BackendIntegrationTest {

    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    RSocketRequester.Builder requesters;
    @Autowired
    Clock clock;
    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private final List<RSocketRequester> requesters0 = new ArrayList<>();

    private Flux<CallbackStreamItem> tasks(String username) {
        RSocketRequester requester = requesters
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()))
                .setupMetadata(new BearerTokenMetadata(token(http, username)), AUTHENTICATION)
                .tcp("127.0.0.1", rsocketPort);
        requesters0.add(requester);
        return requester.route("callbacks.tasks").retrieveFlux(CallbackStreamItem.class);
    }

    @AfterEach
    void close() {
        requesters0.forEach(RSocketRequester::dispose);
    }

    private static String newNumber() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private void post(String number, Instant offered, String outcome, int waitSeconds) {
        String call = UUID.randomUUID().toString();
        String body = """
                [{"eventId":"%1$s-o","type":"CALL_OFFERED","callId":"%1$s","queue":"GENERAL","occurredAt":"%2$s",
                  "callerNumber":"%3$s"},
                 {"eventId":"%1$s-x","type":"%4$s","callId":"%1$s","queue":"GENERAL","occurredAt":"%5$s",
                  "agentId":"A01"}]""".formatted(call, offered, number, outcome, offered.plusSeconds(waitSeconds));
        http.post().uri("/api/v1/cti/events").headers(h -> h.setBearerAuth(token(http, "cti")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(2);
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(minutes));
    }

    /** This test's task only, whatever other tests leave in the queue. */
    private static Flux<CallbackStreamItem> about(Flux<CallbackStreamItem> items, String masked) {
        return items.filter(i -> i.change() == CallbackChange.SNAPSHOT
                || i.tasks().getFirst().callerNumberMasked().equals(masked));
    }

    private static CallbackTaskView only(CallbackStreamItem item, CallbackChange change) {
        assertThat(item.change()).isEqualTo(change);
        assertThat(item.tasks()).hasSize(1);
        return item.tasks().getFirst();
    }

    @Test
    void snapshotThenEveryChangeOfATaskWithTheFullNumberOnlyForTheClaimant() {
        String number = newNumber();
        String masked = number.substring(0, 3) + "****" + number.substring(7);
        Flux<CallbackStreamItem> agent = about(tasks("agent1"), masked).replay().autoConnect();
        Flux<CallbackStreamItem> supervisor = about(tasks("supervisor1"), masked).replay().autoConnect(0);
        assertThat(supervisor.blockFirst(WAIT).change()).isEqualTo(CallbackChange.SNAPSHOT);
        Instant offered = minutesAgo(10);
        String[] taskId = new String[1];

        StepVerifier.create(agent)
                .assertNext(i -> {
                    assertThat(i.change()).isEqualTo(CallbackChange.SNAPSHOT);
                    assertThat(i.tasks()).allSatisfy(t -> {
                        assertThat(t.status()).isEqualTo(CallbackStatus.OPEN);
                        assertThat(t.callerNumberMasked()).isNotEqualTo(masked);
                    });
                })
                .then(() -> post(number, offered, "CALL_ABANDONED", 20))
                .assertNext(i -> {
                    CallbackTaskView t = only(i, CallbackChange.CREATED);
                    taskId[0] = t.id();
                    assertThat(t.callerNumber()).isNull();
                    assertThat(t.mergedCalls()).isEqualTo(1);
                    assertThat(t.dueAt()).isEqualTo(offered.plusSeconds(20).plus(Duration.ofMinutes(30)));
                })
                .then(() -> post(number, offered.plusSeconds(120), "CALL_ABANDONED", 30))
                .assertNext(i -> assertThat(only(i, CallbackChange.MERGED).mergedCalls()).isEqualTo(2))
                .then(() -> http.post().uri("/api/v1/callbacks/{id}/claim", taskId[0])
                        .headers(h -> h.setBearerAuth(token(http, "agent1"))).exchange().expectStatus().isOk())
                .assertNext(i -> {
                    CallbackTaskView t = only(i, CallbackChange.CLAIMED);
                    assertThat(t.claimedBy()).isEqualTo("agent1");
                    assertThat(t.callerNumber()).isEqualTo(number);
                })
                .then(() -> http.post().uri("/api/v1/callbacks/{id}/attempts", taskId[0])
                        .headers(h -> h.setBearerAuth(token(http, "agent1")))
                        .bodyValue(new CallbackAttemptRequest(CallbackOutcome.NO_ANSWER))
                        .exchange().expectStatus().isOk())
                .assertNext(i -> {
                    CallbackTaskView t = only(i, CallbackChange.ATTEMPT);
                    assertThat(t.attempts()).isEqualTo(1);
                    assertThat(t.status()).isEqualTo(CallbackStatus.OPEN);
                    assertThat(t.claimedBy()).isNull();
                    assertThat(t.callerNumber()).isNull();
                })
                .then(() -> post(number, minutesAgo(1), "CALL_ANSWERED", 5))
                .assertNext(i -> {
                    CallbackTaskView t = only(i, CallbackChange.CLOSED);
                    assertThat(t.status()).isEqualTo(CallbackStatus.CALLER_REACHED_US);
                    assertThat(t.closedAt()).isNotNull();
                })
                .thenCancel()
                .verify(WAIT);

        List<CallbackStreamItem> seen = supervisor.take(6).collectList().block(WAIT);
        assertThat(seen).extracting(CallbackStreamItem::change).containsExactly(CallbackChange.SNAPSHOT,
                CallbackChange.CREATED, CallbackChange.MERGED, CallbackChange.CLAIMED, CallbackChange.ATTEMPT,
                CallbackChange.CLOSED);
        assertThat(seen.subList(1, 6)).allSatisfy(i -> {
            assertThat(i.tasks().getFirst().callerNumber()).isNull();
            assertThat(i.toString()).doesNotContain(number);
        });
        assertThat(seen.subList(1, 6)).extracting(i -> i.tasks().getFirst().version()).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void openTaskIsInTheSnapshotOfALaterSubscriber() {
        String number = newNumber();
        post(number, minutesAgo(3), "CALL_ABANDONED", 40);
        StepVerifier.create(tasks("admin").next())
                .assertNext(i -> {
                    assertThat(i.change()).isEqualTo(CallbackChange.SNAPSHOT);
                    assertThat(i.tasks()).filteredOn(t -> t.callerNumberMasked().endsWith(number.substring(7)))
                            .singleElement().satisfies(t -> {
                                assertThat(t.status()).isEqualTo(CallbackStatus.OPEN);
                                assertThat(t.callerNumber()).isNull();
                            });
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void wallAndDispatcherAreDeniedTheStream() {
        for (String user : List.of("wall", "dispatcher1")) {
            StepVerifier.create(tasks(user))
                    .expectErrorSatisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("denied"))
                    .verify(WAIT);
        }
    }
}
