package com.hotlineops.server.callback;

import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.core.security.Actor;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** RSocket {@code callbacks.tasks} (request-stream) for the consoles: see {@link CallbackTaskStream}. */
@Controller
class CallbackStreamController {

    private final CallbackTaskStream tasks;

    CallbackStreamController(CallbackTaskStream tasks) {
        this.tasks = tasks;
    }

    @MessageMapping("callbacks.tasks")
    Flux<CallbackStreamItem> tasks(@AuthenticationPrincipal Jwt jwt) {
        return tasks.open(Actor.from(jwt));
    }
}
