package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerFeedTests {

    static final UUID UNIT = UUID.randomUUID();
    static final UUID GRID = UUID.randomUUID();
    static final Actor WORKER = new Actor(UUID.randomUUID(), "w", Set.of(Role.GRID_WORKER), UNIT, GRID);
    static final UUID COLLEAGUE = UUID.randomUUID();
    final UUID ticket = UUID.randomUUID();

    @Test
    void changeAlreadyInTheListIsSkipped() {
        WorkerFeed feed = WorkerFeed.fromScratch(WORKER);
        feed.current("5-0", view(TicketStatus.ACCEPTED, WORKER.userId(), 4));

        assertThat(feed.decide(change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, WORKER.userId(), 4)))
                .isEqualTo(WorkerFeed.Decision.SKIP);
        assertThat(feed.decide(change(TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, WORKER.userId(), 5)))
                .isEqualTo(WorkerFeed.Decision.CHANGE);
    }

    @Test
    void newlyDispatchedTicketIsOfferedAndItsRepeatIsSkipped() {
        WorkerFeed feed = WorkerFeed.fromScratch(WORKER);
        TicketChanged dispatch = change(TicketStatus.PENDING_DISPATCH, TicketStatus.DISPATCHED, null, 3);

        assertThat(feed.decide(dispatch)).isEqualTo(WorkerFeed.Decision.OFFER);
        var item = feed.loaded("7-0", dispatch, WorkerFeed.Decision.OFFER, view(TicketStatus.DISPATCHED, null, 3));
        assertThat(item.kind()).isEqualTo(FeedItemKind.OFFERED);
        assertThat(item.cursor()).isEqualTo("7-0");
        assertThat(feed.decide(dispatch)).isEqualTo(WorkerFeed.Decision.SKIP);
    }

    @Test
    void takenByColleagueIsRemovedOnlyIfThePhoneHadIt() {
        WorkerFeed knew = WorkerFeed.fromScratch(WORKER);
        knew.current("1-0", view(TicketStatus.DISPATCHED, null, 3));
        WorkerFeed neverHadIt = WorkerFeed.fromScratch(WORKER);
        TicketChanged taken = change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, COLLEAGUE, 4);

        assertThat(knew.decide(taken)).isEqualTo(WorkerFeed.Decision.REMOVE);
        assertThat(knew.decide(taken)).isEqualTo(WorkerFeed.Decision.SKIP);
        assertThat(neverHadIt.decide(taken)).isEqualTo(WorkerFeed.Decision.SKIP);
    }

    @Test
    void changeThatArrivesAfterTheTicketMovedOnThenNothingAndTheLaterChangeRemovesItAtItsOwnCursor() {
        WorkerFeed feed = WorkerFeed.fromScratch(WORKER);
        feed.current("1-0", view(TicketStatus.ACCEPTED, WORKER.userId(), 4));
        TicketChanged progress = change(TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, WORKER.userId(), 5);
        TicketChanged finish = change(TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, WORKER.userId(), 6);

        assertThat(feed.decide(progress)).isEqualTo(WorkerFeed.Decision.CHANGE);
        assertThat(feed.loaded("2-0", progress, WorkerFeed.Decision.CHANGE,
                view(TicketStatus.FEEDBACK_SUBMITTED, WORKER.userId(), 6))).isNull();

        assertThat(feed.decide(finish)).isEqualTo(WorkerFeed.Decision.REMOVE);
        var item = feed.removed("3-0", finish);
        assertThat(item.cursor()).isEqualTo("3-0");
        assertThat(item.ticket().status()).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED);
        assertThat(item.ticket().version()).isEqualTo(6);
    }

    @Test
    void resumedFeedWhoseChangeMovedOnThenTheLaterChangeStillRemovesIt() {
        // the phone resumes from before the progress; the finish came meanwhile
        WorkerFeed feed = WorkerFeed.resumed(WORKER);
        TicketChanged progress = change(TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, WORKER.userId(), 5);
        TicketChanged finish = change(TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, WORKER.userId(), 6);

        assertThat(feed.decide(progress)).isEqualTo(WorkerFeed.Decision.CHANGE);
        assertThat(feed.loaded("2-0", progress, WorkerFeed.Decision.CHANGE,
                view(TicketStatus.FEEDBACK_SUBMITTED, WORKER.userId(), 6))).isNull();

        assertThat(feed.decide(finish)).isEqualTo(WorkerFeed.Decision.REMOVE);
    }

    @Test
    void offerThatMovedOnWhileStillListedThenTheLaterChangeOffersItAsItIs() {
        WorkerFeed feed = WorkerFeed.fromScratch(WORKER);
        TicketChanged dispatch = change(TicketStatus.PENDING_DISPATCH, TicketStatus.DISPATCHED, null, 3);
        TicketChanged accept = change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, WORKER.userId(), 4);

        assertThat(feed.decide(dispatch)).isEqualTo(WorkerFeed.Decision.OFFER);
        assertThat(feed.loaded("2-0", dispatch, WorkerFeed.Decision.OFFER,
                view(TicketStatus.ACCEPTED, WORKER.userId(), 4))).isNull();

        assertThat(feed.decide(accept)).isEqualTo(WorkerFeed.Decision.OFFER);
        var item = feed.loaded("3-0", accept, WorkerFeed.Decision.OFFER, view(TicketStatus.ACCEPTED, WORKER.userId(), 4));
        assertThat(item.kind()).isEqualTo(FeedItemKind.OFFERED);
        assertThat(item.cursor()).isEqualTo("3-0");
        assertThat(feed.decide(accept)).isEqualTo(WorkerFeed.Decision.SKIP);
    }

    @Test
    void removedItemCarriesNoTicketContent() {
        var item = WorkerFeed.fromScratch(WORKER).removed("9-0",
                change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, COLLEAGUE, 4));
        assertThat(item.kind()).isEqualTo(FeedItemKind.REMOVED);
        assertThat(item.ticket().id()).isEqualTo(ticket);
        assertThat(item.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(item.ticket().title()).isNull();
        assertThat(item.ticket().assigneeId()).isNull();
    }

    @Test
    void resumedFeedAssumesThePhoneHeldWhatWasOnTheListBeforeTheChange() {
        WorkerFeed feed = WorkerFeed.resumed(WORKER);
        TicketChanged accept = change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, WORKER.userId(), 4);

        assertThat(feed.decide(accept)).isEqualTo(WorkerFeed.Decision.CHANGE);
    }

    @Test
    void changedTicketTheWorkerMayNoLongerSeeIsRemovedAndNotRemovedTwice() {
        WorkerFeed feed = WorkerFeed.fromScratch(WORKER);
        feed.current("1-0", view(TicketStatus.ACCEPTED, WORKER.userId(), 4));
        TicketChanged progress = change(TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, WORKER.userId(), 5);
        TicketChanged finish = change(TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, WORKER.userId(), 6);

        assertThat(feed.decide(progress)).isEqualTo(WorkerFeed.Decision.CHANGE);
        var item = feed.loaded("2-0", progress, WorkerFeed.Decision.CHANGE, null);
        assertThat(item.kind()).isEqualTo(FeedItemKind.REMOVED);
        assertThat(feed.decide(finish)).isEqualTo(WorkerFeed.Decision.SKIP);
    }

    TicketView view(TicketStatus status, UUID assignee, long version) {
        return new TicketView(ticket, "20261126000001", null, status, null, "t", "c", null, null, null, UNIT, GRID,
                assignee, Instant.EPOCH, Instant.EPOCH, null, null, version);
    }

    TicketChanged change(TicketStatus from, TicketStatus to, UUID assignee, long version) {
        return new TicketChanged(ticket, "20261126000001", "X", from, to, UNIT, GRID, assignee, "someone",
                Instant.EPOCH, null, null, version);
    }
}
