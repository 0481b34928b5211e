package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.security.CurrentUser;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a desk user lands after signing in: who they are and what their roles let them do here. */
@Route(value = "", layout = ConsoleLayout.class)
@Menu(order = 0, title = "console.menu.home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser) {
        setId("console-home");
        add(new H2(getTranslation("console.home.welcome", currentUser.require().username())));
        currentUser.require().roles().stream().sorted().forEach(role ->
                add(new Paragraph(getTranslation("console.role." + role) + " — "
                        + getTranslation("console.home.role." + role))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.menu.home") + " · " + getTranslation("console.title");
    }
}
