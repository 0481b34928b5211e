package com.hotlineops.core.sla;

import com.hotlineops.contract.ticket.TicketGrade;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The default limits of DESIGN.md §2.3: sign-for within 2 working hours, finish within 1, 3, 1 or 7 working days
 * of dispatch by grade.
 */
@Component
public class SlaPolicy {

    private final WorkingCalendar calendar;

    public SlaPolicy(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant acceptDue(Instant dispatchedAt) {
        return calendar.addWorkingTime(dispatchedAt, Duration.ofHours(2));
    }

    public Instant finishDue(Instant dispatchedAt, TicketGrade grade) {
        return finishDue(dispatchedAt, grade, 0, Duration.ZERO);
    }

    /**
     * The finish deadline with its overlays: approved extensions add working days, time spent paused (in working
     * time) is added on top, because the clock stood still.
     */
    public Instant finishDue(Instant dispatchedAt, TicketGrade grade, int extendedDays, Duration paused) {
        int days = switch (grade) {
            case IMMEDIATE, ENTERPRISE_GENERAL -> 1;
            case STANDARD -> 3;
            case ENTERPRISE_COMPLEX -> 7;
        };
        return calendar.addWorkingTime(dispatchedAt, Duration.ofDays(days + extendedDays).plus(paused));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
