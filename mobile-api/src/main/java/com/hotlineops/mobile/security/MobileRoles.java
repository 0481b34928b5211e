package com.hotlineops.mobile.security;

import com.hotlineops.core.security.Role;
import java.util.Set;

/** The roles the phone app is for; everyone else is turned away at login and on every request. */
public final class MobileRoles {

    public static final Set<Role> ALLOWED = Set.of(Role.GRID_WORKER, Role.UNIT_HANDLER);

    static final String[] NAMES = ALLOWED.stream().map(Role::name).sorted().toArray(String[]::new);

    private MobileRoles() {
    }

    public static boolean allowed(Set<Role> roles) {
        return roles.stream().anyMatch(ALLOWED::contains);
    }
}
