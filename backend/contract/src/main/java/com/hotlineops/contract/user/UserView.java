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
 * @param passwordChangeRequired an administrator set the password and the user has not changed it yet (decision 0036)
 * @param throttledUntil         while logins for the username are refused after too many failures (decision 0037):
 *                               when one more will be let through; null when they are not
 * @param createdAt when the account was created, by an administrator or by the demo seeding; accounts seeded before
 *                  the seeding recorded it carry when their database was set up (V15)
 * @param updatedAt the last change by an administrator, null if never changed
 */
public record UserView(UUID id, String username, String displayName, List<String> roles, UUID unitId, UUID gridId,
        boolean enabled, boolean passwordChangeRequired, Instant throttledUntil, Instant createdAt,
        Instant updatedAt) {

    public UserView {
        roles = List.copyOf(roles);
    }

    /** Whether logins for the username are refused at the moment the view was made. */
    public boolean throttled() {
        return throttledUntil != null;
    }
}
