package com.hotlineops.server.evidence;

import com.hotlineops.core.evidence.EvidenceService;
import com.hotlineops.core.evidence.Photo;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketNotFoundException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The photos grid workers attached to a ticket, for those who may see the ticket (auditors, dispatchers …). */
@RestController
@RequestMapping("/api/v1/tickets/{id}/photos")
class TicketPhotoController {

    private final EvidenceService evidence;

    TicketPhotoController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping
    Flux<Photo> list(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return evidence.list(id, Actor.from(jwt));
    }

    @GetMapping("/{photoId}")
    Mono<ResponseEntity<byte[]>> content(@PathVariable UUID id, @PathVariable UUID photoId,
            @AuthenticationPrincipal Jwt jwt) {
        return evidence.content(id, photoId, Actor.from(jwt))
                .map(c -> ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType())).body(c.bytes()))
                .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(id)));
    }
}
