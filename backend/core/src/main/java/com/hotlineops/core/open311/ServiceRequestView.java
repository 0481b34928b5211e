package com.hotlineops.core.open311;

import java.time.Instant;

/**
 * A service request as Open311 shows it to anyone (GeoReport v2 "request"): the ticket number as
 * {@code service_request_id}, open/closed, and nothing that names or reaches the person who reported it.
 */
public record ServiceRequestView(String serviceRequestId, String status, String statusNotes, String serviceName,
        String serviceCode, String description, String agencyResponsible, Instant requestedAt, Instant updatedAt,
        Instant expectedAt, String address, String addressId, Double lat, Double lon, String mediaUrl) {
}
