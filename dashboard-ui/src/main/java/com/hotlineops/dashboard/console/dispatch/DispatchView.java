package com.hotlineops.dashboard.console.dispatch;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.TicketSort;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.hotlineops.dashboard.console.ticket.DecisionPanel;
import com.hotlineops.dashboard.console.ticket.DeskLink;
import com.hotlineops.dashboard.console.ticket.DeskStream;
import com.hotlineops.dashboard.console.ticket.DeskAction;
import com.hotlineops.dashboard.console.ticket.Notices;
import com.hotlineops.dashboard.console.ticket.QueueQuery;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketDetails;
import com.hotlineops.dashboard.console.ticket.TicketQueue;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 派单: three queues of the dispatcher, oldest first, each with its step beside it and the selected ticket below —
 * tickets waiting for dispatch, returns to decide (approved: back to the dispatch queue; rejected, with a reason:
 * back to the handler) and extensions to decide. The queue shown is live ({@link DeskLink}, decision 0044): tickets
 * that arrive or move meanwhile show without the dispatcher navigating.
 */
@Route(value = "dispatch", layout = ConsoleLayout.class)
@Menu(order = 20, title = "console.dispatch.menu")
@RolesAllowed("DISPATCHER")
@StyleSheet("styles/desk.css")
public class DispatchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 20;

    private final TicketDetails details;

    public DispatchView(TicketApi api, Categories categories, DeskStream stream, Clock clock) {
        setId("dispatch-view");
        details = new TicketDetails(api, categories);
        List<TicketApi.Unit> units = Notices.attempt(api::units).orElse(List.of());

        TicketQueue toDispatch = new TicketQueue(api, QueueQuery.oldestFirst(TicketStatus.PENDING_DISPATCH, PAGE),
                "dispatch-queue");
        DispatchPanel dispatch = new DispatchPanel(api, units, toDispatch::reload);
        TicketQueue returns = new TicketQueue(api, QueueQuery.oldestFirst(TicketStatus.RETURN_REQUESTED, PAGE),
                "return-queue");
        DecisionPanel returnDecision = new DecisionPanel(api, DeskAction.APPROVE_RETURN, DeskAction.REJECT_RETURN,
                "return", "console.dispatch.return", returns::reload);
        TicketQueue extensions = new TicketQueue(api,
                new QueueQuery(Set.of(TicketStatus.ACCEPTED), true, TicketSort.CREATED, PAGE), "extension-queue");
        DecisionPanel extensionDecision = new DecisionPanel(api, DeskAction.APPROVE_EXTENSION,
                DeskAction.REJECT_EXTENSION, "extension", "console.dispatch.extension", extensions::reload);

        TabSheet tabs = new TabSheet();
        tabs.setId("dispatch-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("console.dispatch.tab.dispatch"), work(toDispatch, dispatch, dispatch::show));
        tabs.add(getTranslation("console.dispatch.tab.returns"),
                work(returns, returnDecision, returnDecision::show));
        tabs.add(getTranslation("console.dispatch.tab.extensions"),
                work(extensions, extensionDecision, extensionDecision::show));
        List<TicketQueue> queues = List.of(toDispatch, returns, extensions);
        tabs.addSelectedChangeListener(change -> {
            details.clear();
            queues.get(tabs.getSelectedIndex()).reload();
        });
        queues.forEach(TicketQueue::restart);
        DeskLink live = new DeskLink(stream, clock, Desk.DISPATCH, "dispatch-live", queues,
                () -> queues.get(tabs.getSelectedIndex()));

        add(new H2(getTranslation("console.dispatch.menu")), live, tabs, details);
    }

    /** A queue with its step beside it; selecting a ticket reads it afresh and hands it to the step. */
    private Component work(TicketQueue queue, Component step, Consumer<TicketView> hand) {
        queue.addSelectionListener(selected -> {
            TicketView ticket = selected.filter(item -> details.show(item.ticket().id()))
                    .flatMap(item -> details.ticket()).orElse(null);
            if (ticket == null) {
                details.clear();
            }
            hand.accept(ticket);
        });
        step.addClassName("desk-side");
        HorizontalLayout split = new HorizontalLayout(queue, step);
        split.addClassName("desk-split");
        split.setFlexGrow(1, queue);
        return split;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.dispatch.menu") + " · " + getTranslation("console.title");
    }
}
