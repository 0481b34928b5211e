package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.security.DeskUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A desk user signed in for a view test, as {@code BackendAuthenticationProvider} would leave them: roles as
 * authorities and backend tokens good for 15 minutes ({@code access-<username>} is what the stand-in backends see).
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(String username, String... roles) {
        DeskUser user = new DeskUser(username, Set.of(roles), null,
                new DeskUser.BackendCredentials("access-" + username, "refresh", Instant.now().plusSeconds(900)));
        List<SimpleGrantedAuthority> authorities = Set.of(roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }
}
