package com.hotlineops.dashboard.console.audit;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.hotlineops.dashboard.console.ticket.DecisionPanel;
import com.hotlineops.dashboard.console.ticket.DeskLink;
import com.hotlineops.dashboard.console.ticket.DeskStream;
import com.hotlineops.dashboard.console.ticket.DeskAction;
import com.hotlineops.dashboard.console.ticket.QueueQuery;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketDetails;
import com.hotlineops.dashboard.console.ticket.TicketQueue;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * 审核: tickets with feedback submitted, oldest first; pass (→ revisit) or reject with a reason (→ back to the handler).
 * The queue is live ({@link DeskLink}, decision 0044): feedback submitted meanwhile shows without navigating.
 */
@Route(value = "audit", layout = ConsoleLayout.class)
@Menu(order = 30, title = "console.audit.menu")
@RolesAllowed("AUDITOR")
@StyleSheet("styles/desk.css")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 20;

    public AuditView(TicketApi api, Categories categories, DeskStream stream, Clock clock) {
        setId("audit-view");
        TicketDetails details = new TicketDetails(api, categories);
        TicketQueue queue = new TicketQueue(api, QueueQuery.oldestFirst(TicketStatus.FEEDBACK_SUBMITTED, PAGE),
                "audit-queue");
        DecisionPanel decision = new DecisionPanel(api, DeskAction.AUDIT_PASS, DeskAction.AUDIT_REJECT, "audit",
                "console.audit", queue::reload);
        decision.addClassName("desk-side");
        queue.addSelectionListener(selected -> {
            TicketView ticket = selected.filter(item -> details.show(item.ticket().id()))
                    .flatMap(item -> details.ticket()).orElse(null);
            if (ticket == null) {
                details.clear();
            }
            decision.show(ticket);
        });
        HorizontalLayout split = new HorizontalLayout(queue, decision);
        split.addClassName("desk-split");
        split.setFlexGrow(1, queue);
        DeskLink live = new DeskLink(stream, clock, Desk.AUDIT, "audit-live", List.of(queue), () -> queue);
        add(new H2(getTranslation("console.audit.menu")), live, split, details);
        queue.restart();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.audit.menu") + " · " + getTranslation("console.title");
    }
}
