package com.hotlineops.server.callback;

import com.hotlineops.contract.callback.CallbackAttemptRequest;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.core.callback.CallbackTaskNotFoundException;
import com.hotlineops.core.callback.CallbackTaskUnavailableException;
import com.hotlineops.core.security.Actor;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The callback queue for staff (roles AGENT and SUPERVISOR): lists carry masked numbers; the full number is in the
 * answer to a successful claim and to the claimant's attempts, because the claimant has to dial it.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    private final CallbackQueue callbacks;

    CallbackController(CallbackQueue callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping
    Flux<CallbackTaskView> list(@RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            return Flux.error(new IllegalArgumentException("limit must be 1–1000"));
        }
        return callbacks.list(open, limit);
    }

    @GetMapping("/figures")
    Mono<CallbackFigures> figures() {
        return callbacks.figures();
    }

    @PostMapping("/{id}/claim")
    Mono<CallbackTaskView> claim(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return callbacks.claim(id, Actor.from(jwt));
    }

    @PostMapping("/{id}/attempts")
    Mono<CallbackTaskView> attempt(@PathVariable UUID id, @RequestBody CallbackAttemptRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return callbacks.attempt(id, request.outcome(), Actor.from(jwt));
    }

    @ExceptionHandler
    ProblemDetail notFound(CallbackTaskNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unavailable(CallbackTaskUnavailableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Callback task not available");
        return p;
    }
}
