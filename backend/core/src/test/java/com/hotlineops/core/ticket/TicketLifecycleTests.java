package com.hotlineops.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hotlineops.contract.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketLifecycleTests {

    @Test
    void mainPathFromIntakeToClosureThenEachStepAllowed() {
        TicketStatus s = TicketStatus.RECEIVED;
        s = TicketLifecycle.next(s, TicketAction.SUBMIT_FOR_DISPATCH);
        s = TicketLifecycle.next(s, TicketAction.DISPATCH);
        s = TicketLifecycle.next(s, TicketAction.ACCEPT);
        s = TicketLifecycle.next(s, TicketAction.PROGRESS);
        s = TicketLifecycle.next(s, TicketAction.FINISH);
        assertThat(s).isEqualTo(TicketStatus.FEEDBACK_SUBMITTED);
        s = TicketLifecycle.next(s, TicketAction.AUDIT_PASS);
        s = TicketLifecycle.next(s, TicketAction.REVISIT_CLOSE);
        assertThat(s).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void acceptBeforeDispatchThenIllegalNamingStateAndAllowedActions() {
        assertThatThrownBy(() -> TicketLifecycle.next(TicketStatus.PENDING_DISPATCH, TicketAction.ACCEPT))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.current()).isEqualTo(TicketStatus.PENDING_DISPATCH);
                    assertThat(e.allowed()).containsExactlyInAnyOrder(TicketAction.DISPATCH, TicketAction.MERGE,
                            TicketAction.SUPERVISE, TicketAction.TAG, TicketAction.THREE_WAY_CALL);
                });
    }

    @Test
    void auditRejectAndUnsatisfiedRevisitThenBackToAccepted() {
        assertThat(TicketLifecycle.next(TicketStatus.FEEDBACK_SUBMITTED, TicketAction.AUDIT_REJECT))
                .isEqualTo(TicketStatus.ACCEPTED);
        assertThat(TicketLifecycle.next(TicketStatus.PENDING_REVISIT, TicketAction.REVISIT_UNSATISFIED))
                .isEqualTo(TicketStatus.ACCEPTED);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"CLOSED", "TRANSFERRED_EMERGENCY", "MERGED"})
    void finalStateThenNothingAllowed(TicketStatus status) {
        assertThat(TicketLifecycle.allowed(status)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"CLOSED", "TRANSFERRED_EMERGENCY", "MERGED"},
            mode = EnumSource.Mode.EXCLUDE)
    void openStateThenMergeAllowed(TicketStatus status) {
        assertThat(TicketLifecycle.next(status, TicketAction.MERGE)).isEqualTo(TicketStatus.MERGED);
    }

    @Test
    void emergencyOnlyFromReceived() {
        assertThat(TicketLifecycle.next(TicketStatus.RECEIVED, TicketAction.TRANSFER_EMERGENCY))
                .isEqualTo(TicketStatus.TRANSFERRED_EMERGENCY);
        assertThatThrownBy(() -> TicketLifecycle.next(TicketStatus.DISPATCHED, TicketAction.TRANSFER_EMERGENCY))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rejectedReturnGoesBackToTheStateItWasReturnedFrom() {
        assertThat(TicketLifecycle.next(TicketStatus.RETURN_REQUESTED, TicketAction.REJECT_RETURN,
                TicketStatus.ACCEPTED)).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(TicketLifecycle.next(TicketStatus.RETURN_REQUESTED, TicketAction.REJECT_RETURN,
                TicketStatus.DISPATCHED)).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(TicketLifecycle.next(TicketStatus.RETURN_REQUESTED, TicketAction.REJECT_RETURN, null))
                .isEqualTo(TicketStatus.DISPATCHED);
        assertThatThrownBy(() -> TicketLifecycle.next(TicketStatus.ACCEPTED, TicketAction.REJECT_RETURN,
                TicketStatus.ACCEPTED)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void unreachableRevisitKeepsWaitingForRevisitAndOnlyThere() {
        assertThat(TicketLifecycle.next(TicketStatus.PENDING_REVISIT, TicketAction.REVISIT_UNREACHABLE))
                .isEqualTo(TicketStatus.PENDING_REVISIT);
        assertThatThrownBy(() -> TicketLifecycle.next(TicketStatus.FEEDBACK_SUBMITTED,
                TicketAction.REVISIT_UNREACHABLE)).isInstanceOf(IllegalTransitionException.class);
    }
}
