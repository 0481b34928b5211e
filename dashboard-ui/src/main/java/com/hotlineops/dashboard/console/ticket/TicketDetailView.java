package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code tickets/<id>}: one ticket for any desk role, reached from the queues and by link. Not in the menu. What a
 * role may read is the backend's decision; a ticket it refuses shows the reason and nothing else.
 */
@Route(value = "tickets/:id", layout = ConsoleLayout.class)
@RolesAllowed({"AGENT", "DIRECTOR", "DISPATCHER", "SUPERVISOR", "AUDITOR", "REVISIT", "ADMIN"})
@StyleSheet("styles/desk.css")
public class TicketDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TicketDetails details;
    private final Paragraph missing = new Paragraph();

    public TicketDetailView(TicketApi api, Categories categories) {
        setId("ticket-view");
        details = new TicketDetails(api, categories);
        missing.setId("ticket-missing");
        missing.setVisible(false);
        add(missing, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(TicketDetailView::uuid);
        boolean shown = id.isPresent() && details.show(id.get());
        missing.setText(getTranslation("console.ticket.missing"));
        missing.setVisible(!shown);
    }

    @Override
    public String getPageTitle() {
        return details.ticket().map(t -> t.number() + " · ").orElse("") + getTranslation("console.ticket.heading");
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
