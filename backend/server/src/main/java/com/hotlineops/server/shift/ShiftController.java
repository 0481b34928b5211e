package com.hotlineops.server.shift;

import com.hotlineops.contract.shift.MyShift;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.shift.ShiftDirector;
import com.hotlineops.core.shift.ShiftService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shift schedule (SUPERVISOR, ADMIN) and "my shift" (DIRECTOR). Create is not idempotent (a retry would be
 * refused as an overlap, so it cannot double a shift); PUT replaces and DELETE removes idempotently.
 */
@RestController
@RequestMapping("/api/v1/shifts")
@Tag(name = "Director shifts", description = "Directors' hotline shifts and the director's own page")
class ShiftController {

    private final ShiftService shifts;

    ShiftController(ShiftService shifts) {
        this.shifts = shifts;
    }

    @PostMapping
    @Operation(summary = "Schedule a shift; overlapping shifts of one director are refused")
    Mono<ResponseEntity<Shift>> create(@RequestBody ShiftRequest request, @AuthenticationPrincipal Jwt jwt) {
        return shifts.create(request, Actor.from(jwt)).map(s -> ResponseEntity.status(HttpStatus.CREATED).body(s));
    }

    @GetMapping
    @Operation(summary = "Shifts overlapping [from, to), at most 31 days")
    Flux<Shift> between(@RequestParam Instant from, @RequestParam Instant to) {
        return shifts.between(from, to);
    }

    @GetMapping("/directors")
    @Operation(summary = "Who may be scheduled: users with the DIRECTOR role, id and name")
    Flux<ShiftDirector> directors() {
        return shifts.directors();
    }

    @GetMapping("/{id}")
    Mono<Shift> one(@PathVariable UUID id) {
        return shifts.find(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a shift")
    Mono<Shift> replace(@PathVariable UUID id, @RequestBody ShiftRequest request) {
        return shifts.replace(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a shift; 204 whether or not it still existed")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
        return shifts.delete(id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/mine")
    @Operation(summary = "My shift (DIRECTOR): shifts now and in the next 7 days, tickets I took with their SLA state")
    Mono<MyShift> mine(@AuthenticationPrincipal Jwt jwt) {
        return shifts.mine(Actor.from(jwt));
    }

    @ExceptionHandler
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
