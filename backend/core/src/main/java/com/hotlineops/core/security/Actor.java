package com.hotlineops.core.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller of a command, as read from a verified token. Domain services take an {@code Actor}
 * rather than a security context, so they stay testable and the same for HTTP and RSocket.
 */
public record Actor(UUID userId, String username, Set<Role> roles, UUID unitId, UUID gridId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public static Actor of(UserAccount user) {
        return new Actor(user.id(), user.username(), user.roles(), user.unitId(), user.gridId());
    }

    public static Actor from(Jwt jwt) {
        Collection<String> roleNames = jwt.getClaimAsStringList(TokenService.ROLES_CLAIM);
        Set<Role> roles = roleNames == null ? Set.of()
                : roleNames.stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
        return new Actor(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(TokenService.USERNAME_CLAIM), roles,
                uuid(jwt.getClaimAsString(TokenService.UNIT_CLAIM)), uuid(jwt.getClaimAsString(TokenService.GRID_CLAIM)));
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }
}
