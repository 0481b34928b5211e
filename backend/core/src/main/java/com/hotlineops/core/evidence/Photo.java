package com.hotlineops.core.evidence;

import java.time.Instant;
import java.util.UUID;

/** A photo on a ticket; the bytes are fetched separately. */
public record Photo(UUID id, UUID ticketId, String contentType, long sizeBytes, String sha256, UUID uploadedBy,
        Instant createdAt) {
}
