package com.hotlineops.contract.shift;

import java.time.Instant;
import java.util.UUID;

/**
 * Create or replace a shift: {@code directorId} must be a user with the DIRECTOR role; {@code endsAt} after
 * {@code startsAt}, at most 24 h; no overlap with the director's other shifts; seat at most 20 characters.
 */
public record ShiftRequest(UUID directorId, UUID unitId, Instant startsAt, Instant endsAt, String seat) {
}
