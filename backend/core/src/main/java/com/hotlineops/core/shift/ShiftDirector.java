package com.hotlineops.core.shift;

import java.util.Objects;
import java.util.UUID;

/** A user who may be scheduled for a shift (role DIRECTOR): the id a shift names and the name people know them by. */
public record ShiftDirector(UUID id, String name) {

    public ShiftDirector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
