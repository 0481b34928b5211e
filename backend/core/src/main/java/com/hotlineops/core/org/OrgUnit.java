package com.hotlineops.core.org;

import java.util.UUID;

/** A node of the organisation tree. */
public record OrgUnit(UUID id, UUID parentId, Kind kind, String code, String name) {

    /**
     * The code of the business-environment office (营商环境办), the unit whose auditors audit every enterprise ticket
     * (DESIGN.md §2.5). A deployment gives its office this code.
     */
    public static final String BUSINESS_ENVIRONMENT_OFFICE = "BIZ-ENV";

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
