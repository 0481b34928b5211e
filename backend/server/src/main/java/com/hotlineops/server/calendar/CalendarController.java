package com.hotlineops.server.calendar;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.CalendarYear;
import com.hotlineops.contract.calendar.DayEdit;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.calendar.DueTime;
import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.core.calendar.CalendarService;
import com.hotlineops.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The SLA clock of DESIGN.md §2.3, testable from outside (§4). Reading is open to every signed-in role; the years
 * overview to supervisors and administrators; edits to administrators only. An edit is a PUT of the date's whole
 * setting, so repeating it changes nothing further.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Working-day calendar (official lists 2020–2026, Monday–Friday fallback) and the SLA clock")
class CalendarController {

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/add")
    @Operation(summary = "Due time: amount of WORKING_DAYS, WORKING_HOURS or (wall-clock) HOURS after start",
            description = "Working time accrues 24 h per working day (Asia/Shanghai) and nothing on other days.")
    DueTime add(@RequestParam Instant start, @RequestParam long amount, @RequestParam DurationUnit unit) {
        return calendar.add(start, amount, unit);
    }

    @GetMapping("/days")
    @Operation(summary = "Each date of [from, to] (at most 400) with working true/false and its source",
            description = "source: OFFICIAL (the year's published list), FALLBACK (no list: Monday–Friday) or EDITED.")
    List<CalendarDay> days(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return calendar.days(from, to);
    }

    @GetMapping("/years")
    @Operation(summary = "Which years have an official list and which fall back to Monday–Friday")
    List<CalendarYear> years() {
        return calendar.years();
    }

    @PutMapping("/days/{date}")
    @Operation(summary = "Set one date working or off (ADMIN); moves the deadlines of open tickets",
            description = "Idempotent: the same setting again moves nothing.")
    Mono<DayEditResult> edit(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody DayEdit edit, @AuthenticationPrincipal Jwt jwt) {
        return calendar.edit(date, edit, Actor.from(jwt));
    }

    @DeleteMapping("/days/{date}")
    @Operation(summary = "Undo an edit (ADMIN): the date follows the official list or Monday–Friday again",
            description = "Idempotent.")
    Mono<DayEditResult> revert(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Jwt jwt) {
        return calendar.revert(date, Actor.from(jwt));
    }
}
