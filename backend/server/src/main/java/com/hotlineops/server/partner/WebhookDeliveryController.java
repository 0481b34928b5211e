package com.hotlineops.server.partner;

import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.core.partner.WebhookDeliveries;
import com.hotlineops.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A partner's status callbacks for administrators (ADMIN only, decision 0026): what was sent, what is waiting, what
 * was given up, and replaying the ones given up. A replay wakes the deliverer, so the callback goes out at once.
 */
@RestController
@RequestMapping("/api/v1/admin/partners/{id}/deliveries")
@Tag(name = "Partners")
class WebhookDeliveryController {

    private final WebhookDeliveries deliveries;
    private final WebhookDeliverer deliverer;

    WebhookDeliveryController(WebhookDeliveries deliveries, WebhookDeliverer deliverer) {
        this.deliveries = deliveries;
        this.deliverer = deliverer;
    }

    @GetMapping
    @Operation(summary = "A partner's status callbacks, newest first: state=PENDING|DELIVERED|FAILED (repeatable; "
            + "all when absent; FAILED = every attempt of the retry schedule failed), with attempts, last HTTP status "
            + "or error and times; limit 1–200 (default 50), keyset pages (pass nextCursor back as cursor) (ADMIN)")
    Mono<WebhookDeliveryPage> list(@PathVariable UUID id, @RequestParam(required = false) Set<DeliveryState> state,
            @RequestParam(defaultValue = "0") int limit, @RequestParam(required = false) String cursor) {
        return deliveries.list(id, state, limit, cursor);
    }

    @PostMapping("/{deliveryId}/replay")
    @Operation(summary = "Replay a FAILED callback: requeued for immediate delivery, attempts reset, same body and "
            + "eventId. 200 with the delivery; a PENDING one (replayed already) is answered unchanged; 409 for a "
            + "DELIVERED one, 404 for an unknown one (ADMIN)")
    Mono<WebhookDeliveryView> replay(@PathVariable UUID id, @PathVariable long deliveryId,
            @AuthenticationPrincipal Jwt jwt) {
        return deliveries.replay(id, deliveryId, Actor.from(jwt)).doOnNext(d -> deliverer.wake());
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every FAILED callback of the partner, as one replay each; 200 with how many were "
            + "requeued (0 when none had failed, so a repeat changes nothing) (ADMIN)")
    Mono<DeliveriesReplayed> replayFailed(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return deliveries.replayFailed(id, Actor.from(jwt)).doOnNext(r -> deliverer.wake());
    }
}
