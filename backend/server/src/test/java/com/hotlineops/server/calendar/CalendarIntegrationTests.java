package com.hotlineops.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.CalendarYear;
import com.hotlineops.contract.calendar.DayEdit;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.calendar.DaySource;
import com.hotlineops.contract.calendar.DueTime;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CalendarIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Clock clock;

    private WebTestClient.ResponseSpec get(String uri, String user) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token(http, user))).exchange();
    }

    private List<CalendarDay> days(String from, String to) {
        return get("/api/v1/calendar/days?from=" + from + "&to=" + to, "agent1").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CalendarDay>>() { }).returnResult().getResponseBody();
    }

    @Test
    void addOneWorkingDayFromFridayEveningThenDueMondaySameTime() {
        DueTime due = get("/api/v1/calendar/add?start=2026-11-20T09:00:00Z&amount=1&unit=WORKING_DAYS", "agent1")
                .expectStatus().isOk().expectBody(DueTime.class).returnResult().getResponseBody();
        assertThat(due).isEqualTo(new DueTime(Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-23T09:00:00Z")));
    }

    @Test
    void addAcrossNationalDay2025InWorkingHoursAndWallClockHours() {
        DueTime working = get("/api/v1/calendar/add?start=2025-09-30T12:00:00Z&amount=2&unit=WORKING_HOURS",
                "dispatcher1").expectStatus().isOk().expectBody(DueTime.class).returnResult().getResponseBody();
        // 20:00 Tue 09-30 Shanghai: 2 h are left of that day; off 10-01..10-08
        assertThat(working.due()).isEqualTo(Instant.parse("2025-09-30T14:00:00Z"));
        DueTime wall = get("/api/v1/calendar/add?start=2025-09-30T12:00:00Z&amount=30&unit=HOURS", "dispatcher1")
                .expectStatus().isOk().expectBody(DueTime.class).returnResult().getResponseBody();
        assertThat(wall.due()).isEqualTo(Instant.parse("2025-10-01T18:00:00Z"));
    }

    @Test
    void addWithBadInputThenProblemDetailsAndWithoutTokenThenUnauthorized() {
        get("/api/v1/calendar/add?start=2026-11-20T09:00:00Z&amount=1&unit=FORTNIGHTS", "agent1")
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/v1/calendar/add?start=2026-11-20T09:00:00Z&amount=-1&unit=HOURS", "agent1")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d ->
                        assertThat(d.toString()).contains("amount"));
        get("/api/v1/calendar/add?start=yesterday&amount=1&unit=HOURS", "agent1").expectStatus().isBadRequest();
        http.get().uri("/api/v1/calendar/add?start=2026-11-20T09:00:00Z&amount=1&unit=HOURS").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void daysAroundNationalDay2026ThenHolidayOffMakeUpSaturdayWorkingAllOfficial() {
        List<CalendarDay> days = days("2026-09-30", "2026-10-10");
        assertThat(days).hasSize(11).allSatisfy(d -> assertThat(d.source()).isEqualTo(DaySource.OFFICIAL));
        assertThat(days.get(0).working()).isTrue();
        assertThat(days.subList(1, 8)).allSatisfy(d -> {
            assertThat(d.working()).isFalse();
            assertThat(d.name()).isEqualTo("国庆节");
        });
        assertThat(days.get(8).working()).isTrue();
        assertThat(days.get(10)).isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 10), true, "国庆节",
                DaySource.OFFICIAL));
    }

    @Test
    void daysOf2027ThenMondayToFridayFallbackSoNewYearsDayIsWorking() {
        assertThat(days("2027-01-01", "2027-01-03")).containsExactly(
                new CalendarDay(LocalDate.of(2027, 1, 1), true, null, DaySource.FALLBACK),
                new CalendarDay(LocalDate.of(2027, 1, 2), false, null, DaySource.FALLBACK),
                new CalendarDay(LocalDate.of(2027, 1, 3), false, null, DaySource.FALLBACK));
    }

    @Test
    void daysWithReversedOrTooLongRangeThenBadRequest() {
        get("/api/v1/calendar/days?from=2026-10-10&to=2026-10-01", "agent1").expectStatus().isBadRequest();
        get("/api/v1/calendar/days?from=2020-01-01&to=2026-12-31", "agent1").expectStatus().isBadRequest();
    }

    @Test
    void yearsForSupervisorShowOfficialListsAndThe2027FallbackButAgentIsForbidden() {
        List<CalendarYear> years = get("/api/v1/calendar/years", "supervisor1").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CalendarYear>>() { }).returnResult().getResponseBody();
        assertThat(years).extracting(CalendarYear::year).startsWith(2020).contains(2027);
        assertThat(years).filteredOn(y -> y.year() >= 2020 && y.year() <= 2026)
                .allSatisfy(y -> assertThat(y.source()).isEqualTo(DaySource.OFFICIAL)).hasSize(7);
        assertThat(years).filteredOn(y -> y.year() == 2027).singleElement()
                .satisfies(y -> assertThat(y.source()).isEqualTo(DaySource.FALLBACK));
        get("/api/v1/calendar/years", "agent1").expectStatus().isForbidden();
    }

    @Test
    void healthForAdminNamesTheFallbackYearWhileStayingUp() {
        int nextYear = LocalDate.ofInstant(clock.instant(), SHANGHAI).getYear() + 1;
        get("/actuator/health", "admin").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.calendar.status").isEqualTo("UP")
                .jsonPath("$.components.calendar.details.officialYears[0]").isEqualTo(2020)
                .jsonPath("$.components.calendar.details.fallbackYears").value(y ->
                        assertThat(y.toString()).contains(Integer.toString(nextYear)));
    }

    @Test
    void editByNonAdminThenForbiddenAndDayUnchanged() {
        LocalDate date = LocalDate.of(2026, 12, 5);
        http.put().uri("/api/v1/calendar/days/" + date).headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DayEdit(true, "加班")).exchange().expectStatus().isForbidden();
        assertThat(days(date.toString(), date.toString())).containsExactly(
                new CalendarDay(date, false, null, DaySource.OFFICIAL));
    }

    @Test
    void editWithoutWorkingOrWithBadDateThenBadRequest() {
        String admin = token(http, "admin");
        http.put().uri("/api/v1/calendar/days/2026-12-05").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("name", "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("working is required");
        http.put().uri("/api/v1/calendar/days/2026-13-05").headers(h -> h.setBearerAuth(admin))
                .bodyValue(new DayEdit(true, null)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void adminMakesNextWorkingDayOffThenOpenTicketDeadlineMovesOnceAndUndoMovesItBack() {
        TicketView ticket = dispatchedTicket();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        LocalDate next = days(today.plusDays(1).toString(), today.plusDays(10).toString()).stream()
                .filter(CalendarDay::working).findFirst().orElseThrow().date();
        String admin = token(http, "admin");
        try {
            DayEditResult off = http.put().uri("/api/v1/calendar/days/" + next).headers(h -> h.setBearerAuth(admin))
                    .bodyValue(new DayEdit(false, "临时调整")).exchange().expectStatus().isOk()
                    .expectBody(DayEditResult.class).returnResult().getResponseBody();
            assertThat(off.day()).isEqualTo(new CalendarDay(next, false, "临时调整", DaySource.EDITED));
            assertThat(off.ticketsMoved()).isPositive();

            TicketView moved = ticket(ticket.id());
            assertThat(moved.finishDue()).isAfter(ticket.finishDue()).isEqualTo(threeWorkingDaysAfter(
                    moved.dispatchedAt()));
            assertThat(moved.version()).isEqualTo(ticket.version() + 1);

            DayEditResult again = http.put().uri("/api/v1/calendar/days/" + next)
                    .headers(h -> h.setBearerAuth(admin)).bodyValue(new DayEdit(false, "临时调整")).exchange()
                    .expectStatus().isOk().expectBody(DayEditResult.class).returnResult().getResponseBody();
            assertThat(again.ticketsMoved()).isZero();
            assertThat(ticket(ticket.id()).version()).isEqualTo(moved.version());
        } finally {
            DayEditResult undone = http.delete().uri("/api/v1/calendar/days/" + next)
                    .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                    .expectBody(DayEditResult.class).returnResult().getResponseBody();
            assertThat(undone.day().working()).isTrue();
            assertThat(undone.day().source()).isNotEqualTo(DaySource.EDITED);
        }
        assertThat(ticket(ticket.id()).finishDue()).isEqualTo(ticket.finishDue());
    }

    private Instant threeWorkingDaysAfter(Instant start) {
        return get("/api/v1/calendar/add?start=" + start + "&amount=3&unit=WORKING_DAYS", "agent1")
                .expectStatus().isOk().expectBody(DueTime.class).returnResult().getResponseBody().due();
    }

    private TicketView ticket(java.util.UUID id) {
        return get("/api/v1/tickets/" + id, "dispatcher1").expectStatus().isOk().expectBody(TicketView.class)
                .returnResult().getResponseBody();
    }

    private TicketView dispatchedTicket() {
        IntakeResult intake = http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(new IntakeRequest(Channel.WEB_MESSAGE, null, new Citizen("张三", "13800001111"),
                        "路灯不亮", "小区门口路灯坏了一周", null, "城关街道", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody();
        return http.post().uri("/api/v1/tickets/" + intake.ticket().id() + "/dispatch")
                .headers(h -> h.setBearerAuth(token(http, "dispatcher1")))
                .bodyValue(new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN), null, null))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }
}
