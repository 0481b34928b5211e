package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.security.CurrentUser;
import com.hotlineops.dashboard.security.DeskUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame of every console view: the menu, which holds exactly the views the user's roles may open (each view
 * declares its {@code @Menu} entry with an i18n key as title, and its roles with {@code @RolesAllowed}; Vaadin's
 * menu registry filters by them), who is signed in, the language switch, changing one's password and sign-out.
 */
@PermitAll
public class ConsoleLayout extends AppLayout {

    public ConsoleLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span(getTranslation("console.title"));
        title.addClassName("console-title");
        addToDrawer(title, menu());

        DeskUser user = currentUser.require();
        Span who = new Span(user.username() + " · " + user.roles().stream().sorted()
                .map(role -> getTranslation("console.role." + role)).collect(Collectors.joining("、")));
        who.setId("console-user");
        Button logout = new Button(getTranslation("console.logout"), click -> authentication.logout());
        logout.setId("console-logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button password = new Button(getTranslation("console.password.menu"),
                click -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        password.setId("console-password");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(who, new LanguageSwitch(), password, logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("margin-inline-start", "auto").set("padding-inline-end", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), bar);
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("console-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path()));
        }
        return nav;
    }
}
