package com.hotlineops.core.security;

import java.util.Set;
import java.util.UUID;

/**
 * A person or system that logs in. {@code unitId} is the township/department they belong to and {@code gridId}
 * the grid of a grid worker; both are null for city-level staff. {@code tokenGeneration} moves on whenever an
 * administrator disables the account or changes what its tokens say (decision 0032): refresh tokens of an earlier
 * generation are refused. {@code passwordChangeRequired}: an administrator set the password, so the user must change
 * it before anything else (decision 0036).
 */
public record UserAccount(UUID id, String username, String passwordHash, String displayName, Set<Role> roles,
        UUID unitId, UUID gridId, boolean enabled, int tokenGeneration, boolean passwordChangeRequired) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Never the password hash: accounts end up in logs and assertion messages. */
    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
