package com.hotlineops.contract.user;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/users}: a new account.
 *
 * @param username        lower-case letters, digits, '.', '_' or '-', 2–40 characters, starting with a letter or
 *                        digit; unique, and never changed afterwards
 * @param roles           role names of DESIGN.md §3; at least one. GRID_WORKER needs a grid, UNIT_HANDLER a unit
 * @param unitId          a township or department; for a grid worker, the grid's township (taken from the grid when
 *                        absent)
 * @param gridId          a grid, only for GRID_WORKER accounts
 * @param initialPassword at least 10 characters, at most 72 bytes, not containing the username; stored as a BCrypt
 *                        hash only
 */
public record NewUser(String username, String displayName, List<String> roles, UUID unitId, UUID gridId,
        String initialPassword) {

    /** Never the password: requests end up in logs and assertion messages. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", displayName=" + displayName + ", roles=" + roles + ", unitId="
                + unitId + ", gridId=" + gridId + "]";
    }
}
