package com.hotlineops.server.sla;

import com.hotlineops.contract.sla.SlaPolicyEdit;
import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.core.policy.SlaPolicyService;
import com.hotlineops.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SLA policies as data (DESIGN.md §2.3), for administrators only. A PUT is the grade's whole policy, so repeating it
 * changes nothing further; a change moves the deadlines of open tickets (docs/decisions/0022).
 */
@RestController
@RequestMapping("/api/v1/sla/policies")
@Tag(name = "SLA policies", description = "Sign-for and finish limits per grade, and the revisit limit (ADMIN)")
class SlaPolicyController {

    private final SlaPolicyService policies;

    SlaPolicyController(SlaPolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "Every grade's policy, then the revisit's")
    Flux<SlaPolicyView> all(@AuthenticationPrincipal Jwt jwt) {
        return policies.all(Actor.from(jwt));
    }

    @GetMapping("/{grade}")
    Mono<SlaPolicyView> one(@PathVariable String grade, @AuthenticationPrincipal Jwt jwt) {
        return policies.find(grade, Actor.from(jwt));
    }

    @PutMapping("/{grade}")
    @Operation(summary = "Replace a grade's policy; moves the deadlines of open tickets",
            description = "Idempotent: the same policy again answers changed=false and moves nothing.")
    Mono<SlaPolicyEditResult> replace(@PathVariable String grade, @RequestBody SlaPolicyEdit edit,
            @AuthenticationPrincipal Jwt jwt) {
        return policies.replace(grade, edit, Actor.from(jwt));
    }

    @ExceptionHandler
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
