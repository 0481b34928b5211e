package com.hotlineops.core.security;

import java.util.Set;
import java.util.UUID;

/**
 * A person or system that logs in. {@code unitId} is the township/department they belong to and {@code gridId}
 * the grid of a grid worker; both are null for city-level staff.
 */
public record UserAccount(UUID id, String username, String passwordHash, String displayName, Set<Role> roles,
        UUID unitId, UUID gridId, boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
