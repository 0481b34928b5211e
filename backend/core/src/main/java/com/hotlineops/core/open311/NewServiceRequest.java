package com.hotlineops.core.open311;

import java.util.List;
import java.util.Map;

/**
 * A GeoReport v2 POST as received. {@code firstName}, {@code lastName} and {@code phone} are kept on the ticket for the
 * hotline's own callback and never shown again; the e-mail and device id are not kept.
 *
 * @param attributes {@code attribute[CODE]} values by code (several for a multivaluelist)
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null: GeoReport v2 has no request id of its own
 */
public record NewServiceRequest(String serviceCode, Double lat, Double lon, String addressString, String addressId,
        Map<String, List<String>> attributes, String firstName, String lastName, String phone, String description,
        String mediaUrl, String idempotencyKey) {
}
