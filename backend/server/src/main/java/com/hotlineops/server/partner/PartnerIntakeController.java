package com.hotlineops.server.partner;

import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.core.partner.Partner;
import com.hotlineops.core.partner.PartnerIntake;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/intake} for a partner system that presents an {@code X-Api-Key} instead of a bearer token: the
 * same body as the desk's intake, plus an optional {@code emergencyNumber} (110/119/120/122) with which the matter is
 * recorded as TRANSFERRED_EMERGENCY in the same call. 201 when created, 200 with the first ticket for a repeated
 * {@code (channel, externalId)}; 403 on a channel that is not the partner's, 409 when another partner already used
 * that externalId.
 */
@RestController
@RequestMapping("/api/v1")
class PartnerIntakeController {

    static final String EMERGENCY_NUMBER = "emergencyNumber";

    private final PartnerIntake intake;
    private final JsonMapper json;

    PartnerIntakeController(PartnerIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/intake", headers = PartnerKeyAuthentication.HEADER)
    // Same path and method as the desk's intake: springdoc keeps one operation per pair, so the partner variant is
    // described on that one by PartnerIntakeDocs instead of by an operation of its own.
    @Operation(hidden = true)
    Mono<ResponseEntity<IntakeResult>> intake(@RequestBody JsonNode body, @AuthenticationPrincipal Partner partner) {
        return Mono.defer(() -> {
            if (!(body instanceof ObjectNode object)) {
                return Mono.error(new ServerWebInputException("The body must be a JSON object"));
            }
            JsonNode number = object.remove(EMERGENCY_NUMBER);
            IntakeRequest request;
            try {
                request = json.treeToValue(object, IntakeRequest.class);
            } catch (JacksonException e) {
                return Mono.error(new ServerWebInputException("Unreadable intake request: " + e.getOriginalMessage()));
            }
            String emergency = number == null || number.isNull() ? null : number.asString();
            return intake.submit(partner, request, emergency)
                    .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r));
        });
    }
}
