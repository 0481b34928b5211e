package com.hotlineops.dashboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.security.DeskUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The console frame without a browser: what the menu holds and who is signed in, the login page's error. (Being sent
 * to the login page is tested over HTTP in {@code DashboardApplicationTests}.)
 */
@SpringBootTest(properties = {"hotline.backend.port=1", "hotline.backend.rsocket-port=1"})
@ViewPackages(packages = "com.hotlineops.dashboard.console")
class ConsoleViewsTests extends SpringBrowserlessTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String username, String... roles) {
        DeskUser user = new DeskUser(username, Set.of(roles), null,
                new DeskUser.BackendCredentials("access", "refresh", Instant.now().plusSeconds(900)));
        List<SimpleGrantedAuthority> authorities = Set.of(roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    @Test
    void signedInThenHomeWithMenuAndWhoInChinese() {
        signIn("supervisor1", "SUPERVISOR");

        navigate(HomeView.class);

        assertThat($(Span.class).withId("console-user").single().getText()).isEqualTo("supervisor1 · 值班长");
        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("首页");
    }

    @Test
    void loginAfterFailureThenShowsTheError() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat($(LoginForm.class).single().isError()).isTrue();
    }
}
