package com.hotlineops.mobile.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/** DESIGN.md §2.2: a ticket offered to a grid goes to the first worker who accepts, atomically. */
class ConcurrentAcceptIntegrationTests extends MobileApiIntegrationTestSupport {

    @RepeatedTest(3)
    void twoWorkersOfTheGridAcceptAtOnceThenExactlyOneWinsAndTheOtherIsToldItWasTaken() {
        TicketView ticket = dispatchedTicket("T01-G01");
        RSocketRequester worker1 = connect(Transport.TCP, accessToken("worker1"));
        RSocketRequester worker2 = connect(Transport.WEBSOCKET, accessToken("worker2"));

        List<Signal<CommandResult>> outcomes = Flux.merge(
                        accept(worker1, ticket.id()).materialize(),
                        accept(worker2, ticket.id()).materialize())
                .filter(s -> !s.isOnComplete())
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(Signal::isOnNext).singleElement().satisfies(won -> {
            assertThat(won.get().ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
            assertThat(won.get().replayed()).isFalse();
        });
        assertThat(outcomes).filteredOn(Signal::isOnError).singleElement()
                .satisfies(lost -> assertThat(lost.getThrowable()).hasMessageStartingWith("taken:"));
    }

    @Test
    void colleagueAcceptingOverRestAfterTheTicketWasTakenThen409Taken() {
        TicketView ticket = dispatchedTicket("T01-G01");
        accept(connect(Transport.TCP, accessToken("worker1")), ticket.id()).block(TIMEOUT);

        http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker2")))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("taken");
    }

    private static Mono<CommandResult> accept(RSocketRequester phone, UUID ticketId) {
        return phone.route("mobile.accept").data(new TicketCommand(UUID.randomUUID(), ticketId, null))
                .retrieveMono(CommandResult.class);
    }
}
