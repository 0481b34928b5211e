package com.hotlineops.mobile.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CheckIn;
import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/** 到场打卡: a position on the ticket's history, idempotent on commandId, validated before anything is written. */
class CheckInIntegrationTests extends MobileApiIntegrationTestSupport {

    private TicketView acceptedBy(String worker) {
        TicketView offered = dispatchedTicket("T01-G01");
        return tickets.accept(new TicketCommand(UUID.randomUUID(), offered.id(), null), actor(worker))
                .block(TIMEOUT).ticket();
    }

    @Test
    void checkInOverRSocketRecordsThePositionOnceEvenWhenRetried() {
        TicketView ticket = acceptedBy("worker1");
        RSocketRequester phone = connect(Transport.TCP, cachedToken("worker1"));
        CheckIn checkIn = new CheckIn(UUID.randomUUID(), ticket.id(), 30.2741, 120.1551, 8.5, "已到现场");

        CommandResult first = phone.route("mobile.checkin").data(checkIn).retrieveMono(CommandResult.class)
                .block(TIMEOUT);
        CommandResult retry = phone.route("mobile.checkin").data(checkIn).retrieveMono(CommandResult.class)
                .block(TIMEOUT);

        assertThat(first.replayed()).isFalse();
        assertThat(first.ticket().version()).isEqualTo(ticket.version() + 1);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.ticket().version()).isEqualTo(first.ticket().version());
        List<TicketEventView> checkIns = tickets.history(ticket.id(), actor("dispatcher1"))
                .filter(e -> e.type().equals("CHECK_IN")).collectList().block(TIMEOUT);
        assertThat(checkIns).singleElement().satisfies(e -> {
            assertThat(e.to()).isEqualTo(ticket.status());
            assertThat(e.reason()).isEqualTo("已到现场");
            assertThat(e.detail()).containsEntry("latitude", 30.2741).containsEntry("longitude", 120.1551)
                    .containsEntry("accuracyMeters", 8.5);
        });
    }

    @Test
    void checkInWithLatitudeOutOfRangeThenBadRequestAndNothingRecorded() {
        TicketView ticket = acceptedBy("worker1");

        http().post().uri("/mobile/v1/tickets/{id}/checkin", ticket.id())
                .headers(h -> h.setBearerAuth(cachedToken("worker1")))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "latitude", 91.0, "longitude", 120.0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("invalid-command");
        http().post().uri("/mobile/v1/tickets/{id}/checkin", ticket.id())
                .headers(h -> h.setBearerAuth(cachedToken("worker1")))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(tickets.find(ticket.id(), actor("dispatcher1")).block(TIMEOUT).version())
                .isEqualTo(ticket.version());
    }

    @Test
    void checkInOverRestOnAcceptedTicketThenRecorded() {
        TicketView ticket = acceptedBy("worker2");

        http().post().uri("/mobile/v1/tickets/{id}/checkin", ticket.id())
                .headers(h -> h.setBearerAuth(cachedToken("worker2")))
                .bodyValue(Map.of("commandId", UUID.randomUUID(), "latitude", -33.86, "longitude", 151.21))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.replayed").isEqualTo(false)
                .jsonPath("$.ticket.version").isEqualTo(ticket.version() + 1);
    }
}
