package com.hotlineops.mobile.evidence;

import com.hotlineops.core.evidence.EvidenceService;
import com.hotlineops.core.evidence.Photo;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketNotFoundException;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Upload: {@code POST} the image bytes as the body (any content type; the type is decided from the bytes). 201 with
 * the photo when added, 200 with the same photo when these bytes were already on the ticket (a retried upload),
 * 413 over the size limit, 415 when the bytes are not a JPEG, PNG, WebP or HEIC image.
 */
@RestController
@RequestMapping("/mobile/v1/tickets/{id}/photos")
class PhotoController {

    private final EvidenceService evidence;

    PhotoController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping
    Mono<ResponseEntity<Photo>> upload(@PathVariable("id") UUID ticketId, ServerHttpRequest request,
            @AuthenticationPrincipal Jwt token) {
        // One byte over the limit is enough to know it is too large; nothing beyond that is buffered.
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, evidence.maxBytes() + 1);
        return DataBufferUtils.join(request.getBody(), limit)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> evidence.add(ticketId, bytes, Actor.from(token)))
                .map(added -> ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(added.photo()));
    }

    @GetMapping
    Flux<Photo> list(@PathVariable("id") UUID ticketId, @AuthenticationPrincipal Jwt token) {
        return evidence.list(ticketId, Actor.from(token));
    }

    @GetMapping("/{photoId}")
    Mono<ResponseEntity<byte[]>> content(@PathVariable("id") UUID ticketId, @PathVariable("photoId") UUID photoId,
            @AuthenticationPrincipal Jwt token) {
        return evidence.content(ticketId, photoId, Actor.from(token))
                .map(c -> ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType())).body(c.bytes()))
                .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)));
    }
}
