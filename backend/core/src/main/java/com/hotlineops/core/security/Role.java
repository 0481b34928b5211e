package com.hotlineops.core.security;

/** The roles of DESIGN.md §3. As Spring authorities they are {@code ROLE_<name>}. */
public enum Role {
    AGENT,
    DIRECTOR,
    DISPATCHER,
    SUPERVISOR,
    AUDITOR,
    REVISIT,
    UNIT_HANDLER,
    GRID_WORKER,
    WALL,
    ADMIN,
    PARTNER;

    public String authority() {
        return "ROLE_" + name();
    }
}
