package com.hotlineops.core.org;

import java.util.UUID;

/** A node of the organisation tree. */
public record OrgUnit(UUID id, UUID parentId, Kind kind, String code, String name) {

    public enum Kind {
        DISTRICT,
        TOWNSHIP,
        GRID,
        DEPARTMENT;

        /** Tickets are dispatched straight to townships/streets or departments (市级直派乡镇). */
        public boolean receivesDispatch() {
            return this == TOWNSHIP || this == DEPARTMENT;
        }
    }
}
