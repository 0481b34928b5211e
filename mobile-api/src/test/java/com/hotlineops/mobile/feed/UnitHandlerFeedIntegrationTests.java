package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN.md §3 "a unit only its own": a unit handler's feed carries every ticket of the unit, and no other. */
class UnitHandlerFeedIntegrationTests extends MobileApiIntegrationTestSupport {

    @Test
    void unitHandlerSeesTheUnitsTicketsOfEveryGridThroughAcceptUntilFinishedAndNoneOfAnotherUnit() {
        TicketView before = dispatchedTicket("T01-G02");
        FeedRecorder handler = openFeed(connect(Transport.TCP, cachedToken("handler-t01")), null);
        FeedRecorder otherUnit = openFeed(connect(Transport.TCP, cachedToken(OTHER_UNIT_HANDLER)), null);
        handler.awaitLive();
        otherUnit.awaitLive();
        assertThat(handler.itemsFor(before.id())).extracting(FeedItem::kind).containsExactly(FeedItemKind.CURRENT);

        TicketView offered = dispatchedTicket("T01-G01");
        handler.await(FeedItemKind.OFFERED, offered.id());
        tickets.accept(new TicketCommand(UUID.randomUUID(), offered.id(), null), actor("worker1")).block(TIMEOUT);
        FeedItem accepted = handler.await(FeedItemKind.CHANGED, offered.id());
        assertThat(accepted.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
        tickets.finish(new TicketCommand(UUID.randomUUID(), offered.id(), "已修复"), actor("worker1")).block(TIMEOUT);
        FeedItem removed = handler.await(FeedItemKind.REMOVED, offered.id());
        assertThat(removed.ticket().status()).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED);

        // A feed applies changes in stream order: once the other unit's own ticket arrives, it has passed these.
        TicketView own = dispatchedTicket("T02-G01");
        otherUnit.await(FeedItemKind.OFFERED, own.id());
        assertThat(otherUnit.items()).extracting(FeedItem::ticket).filteredOn(t -> t != null)
                .extracting(TicketView::id).doesNotContain(before.id(), offered.id());
    }
}
