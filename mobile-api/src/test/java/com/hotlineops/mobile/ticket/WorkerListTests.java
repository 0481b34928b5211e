package com.hotlineops.mobile.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerListTests {

    static final UUID UNIT = UUID.randomUUID();
    static final UUID GRID = UUID.randomUUID();
    static final UUID OTHER_GRID = UUID.randomUUID();
    static final Actor WORKER = new Actor(UUID.randomUUID(), "w", Set.of(Role.GRID_WORKER), UNIT, GRID);
    static final Actor COLLEAGUE = new Actor(UUID.randomUUID(), "c", Set.of(Role.GRID_WORKER), UNIT, GRID);
    static final Actor HANDLER = new Actor(UUID.randomUUID(), "h", Set.of(Role.UNIT_HANDLER), UNIT, null);

    @Test
    void offeredToTheWorkersGridAndUntakenIsOnTheList() {
        assertThat(WorkerList.contains(view(TicketStatus.DISPATCHED, GRID, null), WORKER)).isTrue();
        assertThat(WorkerList.contains(view(TicketStatus.DISPATCHED, OTHER_GRID, null), WORKER)).isFalse();
    }

    @Test
    void acceptedIsOnTheAcceptorsListOnly() {
        TicketView accepted = view(TicketStatus.ACCEPTED, GRID, WORKER.userId());
        assertThat(WorkerList.contains(accepted, WORKER)).isTrue();
        assertThat(WorkerList.contains(accepted, COLLEAGUE)).isFalse();
    }

    @Test
    void finishedOrReturnedLeavesTheList() {
        assertThat(WorkerList.contains(view(TicketStatus.FEEDBACK_SUBMITTED, GRID, WORKER.userId()), WORKER)).isFalse();
        assertThat(WorkerList.contains(view(TicketStatus.RETURN_REQUESTED, GRID, WORKER.userId()), WORKER)).isFalse();
    }

    @Test
    void unitHandlerListsEveryTicketOfTheUnitWaitingOrBeingHandledWhoeverHasIt() {
        assertThat(WorkerList.contains(view(TicketStatus.ACCEPTED, null, HANDLER.userId()), HANDLER)).isTrue();
        assertThat(WorkerList.contains(view(TicketStatus.DISPATCHED, null, null), HANDLER)).isTrue();
        assertThat(WorkerList.contains(view(TicketStatus.DISPATCHED, GRID, null), HANDLER)).isTrue();
        assertThat(WorkerList.contains(view(TicketStatus.ACCEPTED, GRID, WORKER.userId()), HANDLER)).isTrue();
        assertThat(WorkerList.contains(view(TicketStatus.FEEDBACK_SUBMITTED, GRID, WORKER.userId()), HANDLER))
                .isFalse();
        assertThat(WorkerList.contains(view(TicketStatus.RETURN_REQUESTED, GRID, null), HANDLER)).isFalse();
    }

    @Test
    void unitHandlerOfAnotherUnitListsNothingOfThisUnit() {
        Actor otherUnit = new Actor(UUID.randomUUID(), "o", Set.of(Role.UNIT_HANDLER), UUID.randomUUID(), null);
        assertThat(WorkerList.contains(view(TicketStatus.DISPATCHED, GRID, null), otherUnit)).isFalse();
        assertThat(WorkerList.concerns(change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, GRID,
                WORKER.userId()), otherUnit)).isFalse();
    }

    @Test
    void workerAcceptingKeepsItOnTheUnitHandlersListAndFinishingRemovesIt() {
        TicketChanged taken = change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, GRID, WORKER.userId());
        assertThat(WorkerList.containedBefore(taken, HANDLER)).isTrue();
        assertThat(WorkerList.containedAfter(taken, HANDLER)).isTrue();
        TicketChanged finish = change(TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, GRID, WORKER.userId());
        assertThat(WorkerList.containedBefore(finish, HANDLER)).isTrue();
        assertThat(WorkerList.containedAfter(finish, HANDLER)).isFalse();
    }

    @Test
    void dispatchToTheGridJoinsTheList() {
        TicketChanged dispatch = change(TicketStatus.PENDING_DISPATCH, TicketStatus.DISPATCHED, GRID, null);
        assertThat(WorkerList.containedBefore(dispatch, WORKER)).isFalse();
        assertThat(WorkerList.containedAfter(dispatch, WORKER)).isTrue();
        assertThat(WorkerList.concerns(dispatch, new Actor(UUID.randomUUID(), "x", Set.of(Role.GRID_WORKER), UNIT,
                OTHER_GRID))).isFalse();
    }

    @Test
    void colleagueAcceptingRemovesItFromTheWorkersListAndKeepsItOnTheirs() {
        TicketChanged taken = change(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, GRID, COLLEAGUE.userId());
        assertThat(WorkerList.containedBefore(taken, WORKER)).isTrue();
        assertThat(WorkerList.containedAfter(taken, WORKER)).isFalse();
        assertThat(WorkerList.containedBefore(taken, COLLEAGUE)).isTrue();
        assertThat(WorkerList.containedAfter(taken, COLLEAGUE)).isTrue();
    }

    @Test
    void finishingRemovesItAndAnAuditRejectionBringsItBack() {
        TicketChanged finish = change(TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, GRID, WORKER.userId());
        assertThat(WorkerList.containedBefore(finish, WORKER)).isTrue();
        assertThat(WorkerList.containedAfter(finish, WORKER)).isFalse();
        TicketChanged reject = change(TicketStatus.FEEDBACK_SUBMITTED, TicketStatus.ACCEPTED, GRID, WORKER.userId());
        assertThat(WorkerList.containedBefore(reject, WORKER)).isFalse();
        assertThat(WorkerList.containedAfter(reject, WORKER)).isTrue();
    }

    static TicketView view(TicketStatus status, UUID grid, UUID assignee) {
        return new TicketView(UUID.randomUUID(), "20261126000001", null, status, null, "t", "c", null, null, null,
                UNIT, grid, assignee, Instant.EPOCH, Instant.EPOCH, null, null, 3);
    }

    static TicketChanged change(TicketStatus from, TicketStatus to, UUID grid, UUID assignee) {
        return new TicketChanged(UUID.randomUUID(), "20261126000001", "X", from, to, UNIT, grid, assignee, "someone",
                Instant.EPOCH, null, null, 3);
    }
}
