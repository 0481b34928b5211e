package com.hotlineops.contract.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as administrators see it: never its password or hash.
 *
 * @param roles     role names of DESIGN.md §3, sorted
 * @param unitId    the township or department the user belongs to; null for city-level staff
 * @param gridId    the grid of a grid worker; null otherwise
 * @param enabled   false while disabled: the user can neither log in nor refresh a token
 * @param createdAt null for accounts created before user administration existed (the seeded ones)
 * @param updatedAt the last change by an administrator, null if never changed
 */
public record UserView(UUID id, String username, String displayName, List<String> roles, UUID unitId, UUID gridId,
        boolean enabled, Instant createdAt, Instant updatedAt) {

    public UserView {
        roles = List.copyOf(roles);
    }
}
