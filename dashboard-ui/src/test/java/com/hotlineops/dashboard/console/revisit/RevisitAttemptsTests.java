package com.hotlineops.dashboard.console.revisit;

import static com.hotlineops.dashboard.console.TicketFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.TicketStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisitAttemptsTests {

    @Test
    void unreachableCallsAfterTheAuditThenCounted() {
        assertThat(RevisitAttempts.unreachableSoFar(List.of(
                event(6, "AUDIT_PASS", TicketStatus.FEEDBACK_SUBMITTED, TicketStatus.PENDING_REVISIT, null),
                event(7, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT, "1"),
                event(8, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT, "2"))))
                .isEqualTo(2);
    }

    @Test
    void unreachableBeforeAReopenAndANewAuditThenNotCounted() {
        assertThat(RevisitAttempts.unreachableSoFar(List.of(
                event(6, "AUDIT_PASS", TicketStatus.FEEDBACK_SUBMITTED, TicketStatus.PENDING_REVISIT, null),
                event(7, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT, "1"),
                event(8, "REVISIT_UNSATISFIED", TicketStatus.PENDING_REVISIT, TicketStatus.ACCEPTED, null),
                event(9, "FINISH", TicketStatus.ACCEPTED, TicketStatus.FEEDBACK_SUBMITTED, null),
                event(10, "AUDIT_PASS", TicketStatus.FEEDBACK_SUBMITTED, TicketStatus.PENDING_REVISIT, null),
                event(11, "REVISIT_UNREACHABLE", TicketStatus.PENDING_REVISIT, TicketStatus.PENDING_REVISIT, "1"))))
                .isEqualTo(1);
    }

    @Test
    void noHistoryThenNone() {
        assertThat(RevisitAttempts.unreachableSoFar(List.of())).isZero();
    }
}
