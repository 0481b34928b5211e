package com.hotlineops.server.partner;

import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.KeyRotation;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.partner.PartnerUpdate;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookSecretRotation;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.core.partner.InvalidPartnerException;
import com.hotlineops.core.partner.PartnerChanges;
import com.hotlineops.core.partner.PartnerDirectory;
import com.hotlineops.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Partner administration (ADMIN only). Registering and rotating answer a secret once, so neither is idempotent: a
 * repeated registration is refused with 409 (the name is unique), and every rotation issues one more key or secret.
 * Disabling and enabling are idempotent: they answer the partner as it is afterwards (decision 0026), and so is a
 * change of channels or webhook URL, a JSON merge patch (decision 0033). Every change is recorded with who made it,
 * and read back newest first at {@code /{id}/changes} (decision 0038).
 */
@RestController
@RequestMapping("/api/v1/admin/partners")
@Tag(name = "Partners", description = "Partner channels: registration, API keys (intake by X-Api-Key is described "
        + "on POST /api/v1/intake), signed status callbacks (decision 0016)")
class PartnerAdminController {

    private final PartnerDirectory partners;
    private final WebhookDeliverer deliverer;

    PartnerAdminController(PartnerDirectory partners, WebhookDeliverer deliverer) {
        this.partners = partners;
        this.deliverer = deliverer;
    }

    @PostMapping
    @Operation(summary = "Register a partner system: its channels and webhook URL; answers its API key and webhook "
            + "secret, shown only this once (ADMIN)")
    Mono<ResponseEntity<PartnerCredentials>> register(@RequestBody PartnerRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return partners.register(request, Actor.from(jwt))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(c));
    }

    @GetMapping
    @Operation(summary = "Registered partners, with the ids of their valid keys, never the keys (ADMIN)")
    Flux<PartnerView> list() {
        return partners.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One partner (ADMIN)")
    Mono<PartnerView> partner(@PathVariable UUID id) {
        return partners.find(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a partner's channels or webhook URL: a JSON merge patch (RFC 7396; "
            + "application/merge-patch+json or application/json) — members left out stay as they are, webhookUrl null "
            + "removes it; the name cannot change. Callbacks waiting go to the new URL from their next attempt, due "
            + "at once; an attempt already on the wire finishes against the old one. Idempotent: 200 with the "
            + "partner; 400 for an invalid value or any other member, 404 for an unknown partner (ADMIN)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = PartnerUpdate.class)),
                    @Content(mediaType = "application/json",
                            schema = @Schema(implementation = PartnerUpdate.class))}))
    Mono<PartnerView> update(@PathVariable UUID id, @RequestBody JsonNode patch, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> partners.update(id, changes(patch), Actor.from(jwt))).doOnNext(p -> deliverer.wake());
    }

    /** The merge patch as the directory reads it; anything but the members a partner may change is refused. */
    static PartnerChanges changes(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidPartnerException("The body must be a JSON object (a JSON merge patch)");
        }
        PartnerChanges changes = PartnerChanges.NONE;
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            JsonNode value = member.getValue();
            changes = switch (member.getKey()) {
                case "channels" -> changes.withChannels(channels(value));
                case "webhookUrl" -> {
                    if (!value.isNull() && !value.isString()) {
                        throw new InvalidPartnerException("webhookUrl must be a string, or null to remove it");
                    }
                    yield changes.withWebhookUrl(value.isNull() ? null : value.asString());
                }
                case "name" -> changes.withName(value.isString() ? value.asString() : null);
                default -> throw new InvalidPartnerException("Unknown member " + member.getKey()
                        + ": only channels and webhookUrl can be changed (disable and enable have their own "
                        + "routes; keys and the webhook secret are rotated)");
            };
        }
        return changes;
    }

    private static List<Channel> channels(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidPartnerException("channels must be an array of channels");
        }
        List<Channel> channels = new ArrayList<>();
        for (JsonNode c : value.values()) {
            try {
                channels.add(Channel.valueOf(c.isString() ? c.asString() : ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidPartnerException("Unknown channel " + c + "; the channels are "
                        + Arrays.toString(Channel.values()));
            }
        }
        return channels;
    }

    @PostMapping("/{id}/keys")
    @Operation(summary = "Rotate the API key: a new key, shown once; earlier keys expire after graceMinutes "
            + "(default a day, 0 = now) (ADMIN)")
    Mono<ResponseEntity<IssuedKey>> rotate(@PathVariable UUID id,
            @RequestBody(required = false) KeyRotation rotation, @AuthenticationPrincipal Jwt jwt) {
        return partners.rotateKey(id, rotation, Actor.from(jwt))
                .map(k -> ResponseEntity.status(HttpStatus.CREATED).body(k));
    }

    @PostMapping("/{id}/webhook-secret")
    @Operation(summary = "Rotate the webhook secret: a new secret, shown once; every callback sent from now on "
            + "(retries included) is signed with it, and for graceMinutes (default a day, 0 = none) also with the "
            + "secret replaced, as a second v1 (ADMIN)")
    Mono<ResponseEntity<IssuedWebhookSecret>> rotateWebhookSecret(@PathVariable UUID id,
            @RequestBody(required = false) WebhookSecretRotation rotation, @AuthenticationPrincipal Jwt jwt) {
        return partners.rotateWebhookSecret(id, rotation, Actor.from(jwt))
                .map(s -> ResponseEntity.status(HttpStatus.CREATED).body(s));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a partner: its API keys are refused (403) and its status callbacks stay queued "
            + "until it is enabled. Answers 200 with the partner; disabling a disabled partner changes nothing and "
            + "answers 200 the same (ADMIN)")
    Mono<PartnerView> disable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return partners.disable(id, Actor.from(jwt));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled partner: its keys work again and its queued status callbacks go out now. "
            + "Answers 200 with the partner; enabling an enabled partner changes nothing and answers 200 the same "
            + "(ADMIN)")
    Mono<PartnerView> enable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return partners.enable(id, Actor.from(jwt)).doOnNext(p -> deliverer.wake());
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "What administrators changed on the partner, newest first: type (REGISTERED, UPDATED, "
            + "DISABLED, ENABLED, KEY_ROTATED, SECRET_ROTATED, CALLBACKS_REPLAYED), who, when, and each field changed "
            + "with its value before and after (name, channels, webhookUrl, enabled; graceMinutes for a rotation, "
            + "which records no key or secret; replayed and deliveryId for a replay). A repeat that changed nothing "
            + "is not listed. limit 1–200 (default 50), keyset pages (pass nextCursor back as cursor); 404 for an "
            + "unknown partner (ADMIN)")
    Mono<PartnerChangePage> changeHistory(@PathVariable UUID id, @RequestParam(defaultValue = "0") int limit,
            @RequestParam(required = false) String cursor) {
        return partners.changes(id, limit, cursor);
    }
}
