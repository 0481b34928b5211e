package com.hotlineops.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketGrade;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SlaPolicy policy = new SlaPolicy(new WorkingCalendar(SHANGHAI, Map.of()), SlaPolicy.DEFAULTS);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void signForWithinTwoWorkingHoursAndAtRiskAfterSeventyFivePercentOfWorkingTime() {
        Instant dispatched = at("2026-11-20T23:00");
        Instant due = policy.acceptDue(dispatched, TicketGrade.STANDARD);
        assertThat(due).isEqualTo(at("2026-11-23T01:00"));
        // 1.5 working hours: 1 h on Friday, 30 min on Monday — not 75 % of the 50 wall-clock hours
        assertThat(policy.atRisk(dispatched, due, false)).isEqualTo(at("2026-11-23T00:30"));
    }

    @Test
    void finishLimitsByGradeExtensionsAndPausesAddWorkingTime() {
        Instant dispatched = at("2026-11-23T09:00");
        assertThat(policy.finishDue(dispatched, TicketGrade.IMMEDIATE)).isEqualTo(at("2026-11-24T09:00"));
        assertThat(policy.finishDue(dispatched, TicketGrade.STANDARD)).isEqualTo(at("2026-11-26T09:00"));
        assertThat(policy.finishDue(dispatched, TicketGrade.ENTERPRISE_COMPLEX)).isEqualTo(at("2026-12-02T09:00"));
        assertThat(policy.finishDue(dispatched, TicketGrade.STANDARD, 2, Duration.ofHours(3)))
                .isEqualTo(at("2026-11-30T12:00"));
        assertThat(policy.revisitDue(at("2026-11-27T15:00"))).isEqualTo(at("2026-11-30T15:00"));
    }

    @Test
    void policyFromDataOverridesTheDefaults() {
        SlaPolicy fast = new SlaPolicy(new WorkingCalendar(SHANGHAI, Map.of()), Map.of("STANDARD",
                new SlaPolicy.Limits(new SlaPolicy.Limit(1, com.hotlineops.contract.calendar.DurationUnit.HOURS),
                        new SlaPolicy.Limit(48, com.hotlineops.contract.calendar.DurationUnit.HOURS))));
        Instant saturday = at("2026-11-21T10:00");
        assertThat(fast.acceptDue(saturday, TicketGrade.STANDARD)).isEqualTo(at("2026-11-21T11:00"));
        assertThat(fast.finishDue(saturday, TicketGrade.STANDARD)).isEqualTo(at("2026-11-23T10:00"));
        assertThat(fast.finishOnWallClock(TicketGrade.STANDARD)).isTrue();
    }

    @Test
    void clockStatesFollowTheInstantsAndStopping() {
        Instant risk = at("2026-11-23T18:00");
        Instant due = at("2026-11-24T00:00");
        assertThat(SlaStates.of(due, risk, null, at("2026-11-23T17:59"))).isEqualTo(SlaState.ON_TRACK);
        assertThat(SlaStates.of(due, risk, null, risk)).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaStates.of(due, risk, null, due)).isEqualTo(SlaState.OVERDUE);
        assertThat(SlaStates.of(due, risk, due, due.plusSeconds(999))).isEqualTo(SlaState.MET);
        assertThat(SlaStates.of(due, risk, due.plusSeconds(1), due.plusSeconds(999))).isEqualTo(SlaState.MISSED);
        assertThat(SlaStates.of(null, null, null, due)).isEqualTo(SlaState.PAUSED);
    }
}
