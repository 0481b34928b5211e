package com.hotlineops.mobile.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** DESIGN.md §3: a grid worker sees only tickets of their grid or assigned to them; others are "not found". */
class TicketIsolationIntegrationTests extends MobileApiIntegrationTestSupport {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void ticketOfAnotherGridIsNotFoundOverRSocketWhileItsOwnGridSeesIt(Transport transport) {
        TicketView ticket = dispatchedTicket("T01-G01");
        RSocketRequester worker1 = connect(transport, accessToken("worker1"));
        RSocketRequester worker3 = connect(transport, accessToken("worker3"));

        StepVerifier.create(worker1.route("mobile.tickets.{id}", ticket.id()).retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.id()).isEqualTo(ticket.id()))
                .verifyComplete();
        StepVerifier.create(worker3.route("mobile.tickets.{id}", ticket.id()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("not-found:"))
                .verify(TIMEOUT);
        StepVerifier.create(worker3.route("mobile.accept")
                        .data(new TicketCommand(UUID.randomUUID(), ticket.id(), null))
                        .retrieveMono(CommandResult.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("not-found:"))
                .verify(TIMEOUT);
    }

    @Test
    void ticketOfAnotherGridLooksExactlyLikeOneThatDoesNotExist() {
        TicketView ticket = dispatchedTicket("T01-G01");
        RSocketRequester worker4 = connect(Transport.TCP, accessToken("worker4"));
        UUID missing = UUID.randomUUID();

        String hidden = errorMessage(worker4.route("mobile.tickets.{id}", ticket.id()).retrieveMono(TicketView.class))
                .replace(ticket.id().toString(), "ID");
        String absent = errorMessage(worker4.route("mobile.tickets.{id}", missing).retrieveMono(TicketView.class))
                .replace(missing.toString(), "ID");
        assertThat(hidden).isEqualTo(absent).startsWith("not-found:");
    }

    private static String errorMessage(Mono<?> request) {
        return request.then(Mono.<String>empty()).onErrorResume(e -> Mono.just(e.getMessage())).block(TIMEOUT);
    }

    @Test
    void ticketOfAnotherGridIsNotFoundOverRestWhileItsOwnGridSeesIt() {
        TicketView ticket = dispatchedTicket("T01-G01");

        http().get().uri("/mobile/v1/tickets/{id}", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(ticket.id().toString());
        http().get().uri("/mobile/v1/tickets/{id}", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker3")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker3")))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void listOverRestHoldsOwnGridsOfferAndNotOtherGrids() {
        TicketView ticket = dispatchedTicket("T01-G01");

        http().get().uri("/mobile/v1/tickets").headers(h -> h.setBearerAuth(accessToken("worker2")))
                .exchange().expectStatus().isOk()
                .expectBodyList(TicketView.class).value(list ->
                        assertThat(list).extracting(TicketView::id).contains(ticket.id()));
        http().get().uri("/mobile/v1/tickets").headers(h -> h.setBearerAuth(accessToken("worker3")))
                .exchange().expectStatus().isOk()
                .expectBodyList(TicketView.class).value(list ->
                        assertThat(list).extracting(TicketView::id).doesNotContain(ticket.id()));
    }

    @Test
    void feedOfAnotherGridsWorkerNeverCarriesTheTicket() {
        RSocketRequester worker3 = connect(Transport.WEBSOCKET, accessToken("worker3"));
        MobileApiIntegrationTestSupport.FeedRecorder feed = openFeed(worker3, null);
        feed.awaitLive();

        TicketView foreign = dispatchedTicket("T01-G01");
        TicketView own = dispatchedTicket("T01-G02");

        feed.await(FeedItemKind.OFFERED, own.id());
        // The feed applies changes in stream order, so by now it has passed over the foreign ticket.
        assertThat(feed.items()).extracting(FeedItem::ticket).filteredOn(t -> t != null)
                .extracting(TicketView::id).doesNotContain(foreign.id());
    }
}
