package com.hotlineops.server.partner;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.ArrayList;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the partner variant to the OpenAPI description of {@code POST /api/v1/intake}: the {@code X-Api-Key} header and
 * the {@code emergencyNumber} field that {@link PartnerIntakeController} accepts on the same route.
 */
@Component
class PartnerIntakeDocs implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        PathItem path = api.getPaths() == null ? null : api.getPaths().get(PartnerKeyAuthentication.INTAKE);
        Operation intake = path == null ? null : path.getPost();
        if (intake == null) {
            return;
        }
        intake.setDescription((intake.getDescription() == null ? "" : intake.getDescription() + "\n\n")
                + "Partner systems send `X-Api-Key: <key>` instead of a bearer token and may submit only on their own "
                + "channels (403 otherwise, and 403 while an administrator has the partner disabled; 409 when another "
                + "partner already used the externalId). They may add "
                + "`\"emergencyNumber\": \"110\"|\"119\"|\"120\"|\"122\"` to record the matter as "
                + "TRANSFERRED_EMERGENCY in the same call. Status changes of their tickets are POSTed to their webhook, "
                + "signed (see decision 0016). The integration guide is docs/partners.md.");
        if (intake.getParameters() == null) {
            intake.setParameters(new ArrayList<>());
        }
        intake.getParameters().add(new HeaderParameter().name(PartnerKeyAuthentication.HEADER).required(false)
                .description("A partner's API key, instead of the bearer token").schema(new StringSchema()));
    }
}
