package com.hotlineops.dashboard.console.revisit;

import com.hotlineops.contract.ticket.TicketEventView;
import java.util.List;

/**
 * How many revisit calls of this round found nobody (DESIGN.md §2.2: the third closes the ticket). The backend counts
 * them from the last passed audit on; so does this, from the ticket's history.
 */
final class RevisitAttempts {

    /** The attempt that closes the ticket when it is unreachable too. */
    static final int LAST = 3;

    private RevisitAttempts() {
    }

    static int unreachableSoFar(List<TicketEventView> history) {
        int count = 0;
        for (TicketEventView event : history) {
            if ("AUDIT_PASS".equals(event.type())) {
                count = 0;
            } else if ("REVISIT_UNREACHABLE".equals(event.type())) {
                count++;
            }
        }
        return count;
    }
}
