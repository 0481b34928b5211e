package com.hotlineops.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.contract.ticket.DeskTicketChange;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import io.rsocket.metadata.WellKnownMimeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * RSocket {@code desk.changes.<DESK>} over a real TCP connection: tickets taken through their lifecycle over HTTP by
 * other users show on the stream of each desk whose queue they enter or leave, and on no other; roles without the
 * desk and unknown desks are refused with an error frame.
 */
class DeskStreamIntegrationTests extends BackendIntegrationTest {

    private static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    RSocketRequester.Builder requesters;
    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private Flux<DeskStreamItem> desk(String username, String desk) {
        RSocketRequester requester = requesters
                .rsocketStrategies(s -> s.encoder(new BearerTokenAuthenticationEncoder()))
                .setupMetadata(new BearerTokenMetadata(bearer(username)), AUTHENTICATION)
                .tcp("127.0.0.1", rsocketPort);
        opened.add(requester);
        return requester.route("desk.changes." + desk).retrieveFlux(DeskStreamItem.class);
    }

    /** The desk's stream, subscribed now; answers once it is open (so every later change is on it). */
    private Flux<DeskTicketChange> following(String username, String desk) {
        Flux<DeskStreamItem> items = desk(username, desk).replay().autoConnect(0);
        assertThat(items.blockFirst(WAIT)).isEqualTo(DeskStreamItem.opened());
        return items.skip(1).doOnNext(i -> assertThat(i.kind()).isEqualTo(DeskStreamItem.Kind.CHANGED))
                .flatMapIterable(DeskStreamItem::changes);
    }

    /** The changes of these tickets, up to and including the first that {@code last} matches. */
    private static List<DeskTicketChange> until(Flux<DeskTicketChange> changes, Set<UUID> tickets,
            Predicate<DeskTicketChange> last) {
        return changes.filter(c -> tickets.contains(c.ticketId())).takeUntil(last).collectList().block(WAIT);
    }

    private UUID intake() {
        return http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(Channel.WEB_MESSAGE, null, new Citizen("李四", "13900002222"), "噪音扰民",
                        "楼下商铺夜间施工", null, "城关街道", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
    }

    private void step(String user, UUID ticket, String action, Object body) {
        var spec = http.post().uri("/api/v1/tickets/" + ticket + "/" + action).headers(h -> h.setBearerAuth(bearer(user)));
        (body == null ? spec : spec.bodyValue(body)).exchange().expectStatus().isOk();
    }

    private void toFeedback(UUID ticket) {
        step("dispatcher1", ticket, "dispatch", new DispatchRequest(T01, null, "请核实"));
        step("handler-t01", ticket, "accept", new DeskCommand(UUID.randomUUID(), null));
        step("handler-t01", ticket, "finish", new DeskCommand(UUID.randomUUID(), "已协调商铺停止夜间施工"));
    }

    private static DeskTicketChange is(UUID ticket, TicketStatus status) {
        return new DeskTicketChange(ticket, status, 0);
    }

    private static List<DeskTicketChange> withoutVersions(List<DeskTicketChange> changes) {
        return changes.stream().map(c -> is(c.ticketId(), c.status())).toList();
    }

    @Test
    void ticketTakenThroughItsLifecycleElsewhereThenEachDeskSignalledOfItsOwnQueueOnly() {
        Flux<DeskTicketChange> dispatch = following("dispatcher1", "DISPATCH");
        Flux<DeskTicketChange> audit = following("auditor1", "AUDIT");
        Flux<DeskTicketChange> revisit = following("revisit1", "REVISIT");

        UUID id = intake();
        toFeedback(id);
        step("auditor1", id, "audit/pass", new ReasonRequest("材料齐全"));
        step("revisit1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, "满意"));
        // a second ticket after the first closed: what a desk does not see of the first, it never will
        UUID sentinel = intake();
        toFeedback(sentinel);

        Set<UUID> both = Set.of(id, sentinel);
        List<DeskTicketChange> dispatched = until(dispatch, both, c -> c.ticketId().equals(sentinel));
        assertThat(withoutVersions(dispatched)).as("in and out of the dispatch queue; finishing counts, since a"
                        + " request waiting lapses then, accepting does not (decision 0045)")
                .containsExactly(is(id, TicketStatus.PENDING_DISPATCH), is(id, TicketStatus.DISPATCHED),
                        is(id, TicketStatus.FEEDBACK_SUBMITTED), is(sentinel, TicketStatus.PENDING_DISPATCH));
        assertThat(dispatched.subList(0, 3)).extracting(DeskTicketChange::version).isSorted().doesNotHaveDuplicates();
        assertThat(withoutVersions(until(audit, both, c -> c.ticketId().equals(sentinel))))
                .containsExactly(is(id, TicketStatus.FEEDBACK_SUBMITTED), is(id, TicketStatus.PENDING_REVISIT),
                        is(sentinel, TicketStatus.FEEDBACK_SUBMITTED));
        assertThat(withoutVersions(until(revisit, both, c -> c.status() == TicketStatus.CLOSED)))
                .containsExactly(is(id, TicketStatus.PENDING_REVISIT), is(id, TicketStatus.CLOSED));
    }

    @Test
    void adminMayFollowEveryDesk() {
        for (String desk : List.of("DISPATCH", "AUDIT", "REVISIT")) {
            StepVerifier.create(desk("admin", desk).next())
                    .expectNext(DeskStreamItem.opened())
                    .verifyComplete();
        }
    }

    @Test
    void rolesWithoutTheDeskThenDenied() {
        Map<String, List<String>> denied = Map.of(
                "DISPATCH", List.of("agent1", "auditor1", "revisit1", "supervisor1", "handler-t01", "wall"),
                "AUDIT", List.of("dispatcher1", "revisit1", "agent1", "handler-t01"),
                "REVISIT", List.of("dispatcher1", "auditor1", "agent1", "worker1"));
        denied.forEach((desk, users) -> users.forEach(user -> StepVerifier.create(desk(user, desk))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).as(user + " on " + desk)
                        .containsIgnoringCase("denied"))
                .verify(WAIT)));
    }

    @Test
    void unknownDeskThenRefusedByName() {
        for (String desk : List.of("SUPERVISOR", "dispatch", "Audit")) {
            StepVerifier.create(desk("admin", desk))
                    .expectErrorSatisfies(e -> assertThat(e.getMessage()).contains("No desk " + desk)
                            .contains("DISPATCH, AUDIT, REVISIT"))
                    .verify(WAIT);
        }
    }
}
