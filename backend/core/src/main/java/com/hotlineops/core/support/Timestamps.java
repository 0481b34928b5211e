package com.hotlineops.core.support;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL {@code timestamptz} over R2DBC: the driver binds and reads {@link OffsetDateTime},
 * the domain speaks {@link Instant} (DESIGN.md §2.3: store instants as {@code timestamptz}). Nulls pass through.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant as an {@link OffsetDateTime} at UTC, for binding; null for null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The {@code timestamptz} column of a row as an instant; null for SQL NULL. */
    public static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
