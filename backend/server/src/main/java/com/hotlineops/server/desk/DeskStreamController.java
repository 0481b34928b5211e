package com.hotlineops.server.desk;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.core.security.Actor;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.exceptions.RejectedException;
import java.util.Arrays;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RSocket {@code desk.changes.<DESK>} (request-stream), {@code DESK} one of {@link Desk}: see
 * {@link DeskChangeStream}. Roles per desk are checked in {@code SecurityConfiguration} and again here, so an unknown
 * or lower-case desk name, which the route rules let through to be refused by name, can never open a desk's stream.
 * Both refusals are error frames (INVALID, REJECTED) with the reason, as bad input that changes nothing.
 */
@Controller
class DeskStreamController {

    private final DeskChangeStream changes;

    DeskStreamController(DeskChangeStream changes) {
        this.changes = changes;
    }

    @MessageMapping("desk.changes.{desk}")
    Flux<DeskStreamItem> changes(@DestinationVariable("desk") String name, @AuthenticationPrincipal Jwt jwt) {
        return Flux.defer(() -> {
            Desk desk = Arrays.stream(Desk.values()).filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No desk " + name + "; one of "
                            + Arrays.toString(Desk.values())));
            if (!DeskQueues.mayFollow(desk, Actor.from(jwt))) {
                throw new AccessDeniedException("Your role may not follow the " + desk + " desk");
            }
            return changes.open(desk);
        });
    }

    /** An unknown desk: the caller's mistake, answered and not logged as a failure of ours. */
    @MessageExceptionHandler(IllegalArgumentException.class)
    Mono<Void> unknownDesk(IllegalArgumentException e) {
        return Mono.error(new InvalidException(e.getMessage()));
    }

    @MessageExceptionHandler(AccessDeniedException.class)
    Mono<Void> denied(AccessDeniedException e) {
        return Mono.error(new RejectedException(e.getMessage()));
    }
}
