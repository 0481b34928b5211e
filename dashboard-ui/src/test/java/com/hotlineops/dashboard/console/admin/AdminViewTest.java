package com.hotlineops.dashboard.console.admin;

import com.hotlineops.dashboard.console.FakeBackend;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.security.DeskUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of the admin pages' tests: the real application context (one for all of them) with the backend replaced by
 * a {@link FakeBackend} that records what the pages ask, and an administrator signed in.
 */
@SpringBootTest(properties = "hotline.backend.rsocket-port=1")
@ViewPackages(classes = {HomeView.class, CalendarView.class})
abstract class AdminViewTest extends SpringBrowserlessTest {

    /** Shared by the admin test classes, so they share one Spring context; it stops with the test JVM. */
    static final FakeBackend BACKEND = new FakeBackend();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", BACKEND::port);
    }

    @BeforeEach
    void freshBackendAndAnAdministrator() {
        BACKEND.reset();
        signIn("admin", "ADMIN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String username, String... roles) {
        DeskUser user = new DeskUser(username, Set.of(roles), null,
                new DeskUser.BackendCredentials("access-" + username, "refresh", Instant.now().plusSeconds(900)));
        List<SimpleGrantedAuthority> authorities = Set.of(roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    /** The texts of the notifications open now. */
    List<String> notifications() {
        return $(Notification.class).all().stream().filter(Notification::isOpened)
                .map(n -> test(n).getText()).toList();
    }

    static JsonNode body(FakeBackend.Request request) {
        return JSON.readTree(request.body());
    }

    /** Every text and value the UI holds now, in any component, dialogs included. */
    static List<String> everythingOnThePage() {
        return elements(UI.getCurrent().getElement())
                .flatMap(e -> Stream.of(e.getText(), e.getProperty("value", ""), e.getProperty("text", ""),
                        e.getAttribute("value")))
                .filter(s -> s != null && !s.isEmpty()).toList();
    }

    private static Stream<Element> elements(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(AdminViewTest::elements));
    }

    /** The button a grid's component column holds in this row (grids render those cells only when asked). */
    Button cellButton(String gridId, int row, int column) {
        return (Button) test($(Grid.class).withId(gridId).single()).getCellComponent(row, column);
    }
}
