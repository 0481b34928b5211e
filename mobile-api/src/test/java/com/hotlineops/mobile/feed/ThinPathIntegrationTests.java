package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.test.StepVerifier;

/**
 * The walking skeleton end to end over a real RSocket connection: a ticket dispatched to a grid reaches the
 * worker's phone, who accepts (idempotently) and finishes it.
 */
class ThinPathIntegrationTests extends MobileApiIntegrationTestSupport {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void dispatchedTicketReachesTheWorkerWhoAcceptsAndFinishesIt(Transport transport) {
        UUID worker1 = DemoOrganisation.idOf("worker1");
        RSocketRequester phone = connect(transport, accessToken("worker1"));
        FeedRecorder feed = openFeed(phone, null);
        FeedItem live = feed.awaitLive();
        assertThat(live.cursor()).isNotBlank();
        assertThat(feed.items()).allSatisfy(i -> assertThat(i.kind()).isIn(FeedItemKind.CURRENT, FeedItemKind.LIVE));

        TicketView dispatched = dispatchedTicket("T01-G01");

        FeedItem offered = feed.await(FeedItemKind.OFFERED, dispatched.id());
        assertThat(offered.ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(offered.ticket().citizenPhoneMasked()).doesNotContain("13800138000");
        assertThat(offered.cursor()).isNotBlank();

        TicketCommand accept = new TicketCommand(UUID.randomUUID(), dispatched.id(), null);
        CommandResult accepted = phone.route("mobile.accept").data(accept).retrieveMono(CommandResult.class)
                .block(TIMEOUT);
        assertThat(accepted.replayed()).isFalse();
        assertThat(accepted.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(accepted.ticket().assigneeId()).isEqualTo(worker1);

        StepVerifier.create(phone.route("mobile.accept").data(accept).retrieveMono(CommandResult.class))
                .assertNext(again -> {
                    assertThat(again.replayed()).isTrue();
                    assertThat(again.commandId()).isEqualTo(accept.commandId());
                    assertThat(again.ticket()).isEqualTo(accepted.ticket());
                })
                .expectComplete()
                .verify(TIMEOUT);

        FeedItem changed = feed.await(FeedItemKind.CHANGED, dispatched.id());
        assertThat(changed.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);

        StepVerifier.create(phone.route("mobile.tickets.{id}", dispatched.id()).retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.status()).isEqualTo(TicketStatus.ACCEPTED))
                .expectComplete()
                .verify(TIMEOUT);

        TicketCommand finish = new TicketCommand(UUID.randomUUID(), dispatched.id(), "路灯已修复");
        StepVerifier.create(phone.route("mobile.finish").data(finish).retrieveMono(CommandResult.class))
                .assertNext(r -> assertThat(r.ticket().status()).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED))
                .expectComplete()
                .verify(TIMEOUT);

        FeedItem removed = feed.await(FeedItemKind.REMOVED, dispatched.id());
        assertThat(removed.ticket().status()).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED);
        assertThat(removed.ticket().content()).isNull();
        assertThat(feed.itemsFor(dispatched.id())).extracting(FeedItem::kind)
                .containsExactly(FeedItemKind.OFFERED, FeedItemKind.CHANGED, FeedItemKind.REMOVED);
    }
}
