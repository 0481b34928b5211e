package com.hotlineops.contract.shift;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A director's shift at the hotline: who, for which unit, when, at which seat. */
public record Shift(UUID id, UUID directorId, String directorName, UUID unitId, Instant startsAt, Instant endsAt,
        String seat) {

    public Shift {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directorId, "directorId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
