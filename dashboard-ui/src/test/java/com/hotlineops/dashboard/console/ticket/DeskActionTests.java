package com.hotlineops.dashboard.console.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.TicketFixtures;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeskActionTests {

    private static TicketView in(TicketStatus status) {
        return TicketFixtures.ticket(UUID.randomUUID(), "20261126000001", status);
    }

    private static Set<DeskAction> allowedIn(TicketView ticket) {
        return Arrays.stream(DeskAction.values()).filter(a -> a.allows(ticket))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeskAction.class)));
    }

    @Test
    void receivedThenOnlyTheAgentsThreeWaysOut() {
        assertThat(allowedIn(in(TicketStatus.RECEIVED)))
                .containsExactlyInAnyOrder(DeskAction.ANSWER, DeskAction.SUBMIT, DeskAction.EMERGENCY);
    }

    @Test
    void eachQueueStateThenItsDecisions() {
        assertThat(allowedIn(in(TicketStatus.PENDING_DISPATCH))).containsExactly(DeskAction.DISPATCH);
        assertThat(allowedIn(in(TicketStatus.RETURN_REQUESTED)))
                .containsExactlyInAnyOrder(DeskAction.APPROVE_RETURN, DeskAction.REJECT_RETURN);
        assertThat(allowedIn(in(TicketStatus.FEEDBACK_SUBMITTED)))
                .containsExactlyInAnyOrder(DeskAction.AUDIT_PASS, DeskAction.AUDIT_REJECT);
        assertThat(allowedIn(in(TicketStatus.PENDING_REVISIT))).containsExactly(DeskAction.REVISIT);
    }

    @Test
    void acceptedWithoutExtensionRequestThenNothingForADesk() {
        assertThat(allowedIn(in(TicketStatus.ACCEPTED))).isEmpty();
    }

    @Test
    void acceptedWithExtensionRequestThenApproveOrReject() {
        TicketView asked = TicketFixtures.ticket(UUID.randomUUID(), "20261126000001", TicketStatus.ACCEPTED,
                new TicketOverlays(List.of(), null, null, 3, "需要协调供水公司", 0, null, null, null));

        assertThat(allowedIn(asked)).containsExactlyInAnyOrder(DeskAction.APPROVE_EXTENSION,
                DeskAction.REJECT_EXTENSION);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"DISPATCHED", "CLOSED", "TRANSFERRED_EMERGENCY", "MERGED"})
    void handlersOrFinalStatesThenNoDeskAction(TicketStatus status) {
        assertThat(allowedIn(in(status))).isEmpty();
    }

    @Test
    void rejectionsThenNeedAReasonApprovalsDoNot() {
        assertThat(Arrays.stream(DeskAction.values()).filter(DeskAction::reasonRequired))
                .containsExactlyInAnyOrder(DeskAction.REJECT_RETURN, DeskAction.REJECT_EXTENSION,
                        DeskAction.AUDIT_REJECT);
    }

    @Test
    void noTicketThenNothingAllowed() {
        assertThat(allowedIn(null)).isEmpty();
    }
}
