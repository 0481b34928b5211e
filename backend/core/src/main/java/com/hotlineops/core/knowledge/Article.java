package com.hotlineops.core.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A knowledge-base article. Valid on a date when that date is within {@code [validFrom, validTo]} (open ends allowed). */
public record Article(UUID id, String title, String body, String category, String owner, LocalDate validFrom,
        LocalDate validTo, Instant updatedAt) {

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
