package com.hotlineops.dashboard.console.revisit;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.hotlineops.dashboard.console.ticket.DeskAction;
import com.hotlineops.dashboard.console.ticket.DeskLink;
import com.hotlineops.dashboard.console.ticket.DeskStream;
import com.hotlineops.dashboard.console.ticket.Notices;
import com.hotlineops.dashboard.console.ticket.QueueQuery;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketDetails;
import com.hotlineops.dashboard.console.ticket.TicketLabels;
import com.hotlineops.dashboard.console.ticket.TicketQueue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * 回访: tickets waiting for the citizen's call back, oldest first. For the selected one: how many calls found nobody
 * so far, the result of this call and a note. Every recorded call is one that happened, so the button is not
 * repeated by the console (the backend does not make it idempotent either). The queue is live ({@link DeskLink},
 * decision 0044): tickets passing audit meanwhile show without navigating.
 */
@Route(value = "revisit", layout = ConsoleLayout.class)
@Menu(order = 40, title = "console.revisit.menu")
@RolesAllowed("REVISIT")
@StyleSheet("styles/desk.css")
public class RevisitView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 20;

    private final TicketApi api;
    private final TicketQueue queue;
    private final TicketDetails details;
    private final Span attempts = new Span();
    private final RadioButtonGroup<RevisitResult> result = new RadioButtonGroup<>();
    private final TextArea note = new TextArea();
    private final Button record = new Button();
    private TicketView ticket;

    public RevisitView(TicketApi api, Categories categories, DeskStream stream, Clock clock) {
        this.api = api;
        setId("revisit-view");
        details = new TicketDetails(api, categories);
        queue = new TicketQueue(api, QueueQuery.oldestFirst(TicketStatus.PENDING_REVISIT, PAGE), "revisit-queue");
        attempts.setId("revisit-attempts");
        result.setId("revisit-result");
        result.setLabel(getTranslation("console.revisit.result"));
        result.setItems(RevisitResult.values());
        result.setItemLabelGenerator(TicketLabels::revisit);
        result.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        result.addValueChangeListener(change -> offer());
        note.setId("revisit-note");
        note.setLabel(getTranslation("console.revisit.note"));
        note.setWidthFull();
        note.setMaxLength(2000);
        record.setId("revisit-record");
        record.setText(getTranslation("console.revisit.record"));
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(click -> recordCall());
        VerticalLayout step = new VerticalLayout(attempts, result, note, record);
        step.setPadding(false);
        step.addClassName("desk-side");
        queue.addSelectionListener(selected -> {
            ticket = selected.filter(item -> details.show(item.ticket().id()))
                    .flatMap(item -> details.ticket()).orElse(null);
            if (ticket == null) {
                details.clear();
            }
            showAttempts();
            offer();
        });
        HorizontalLayout split = new HorizontalLayout(queue, step);
        split.addClassName("desk-split");
        split.setFlexGrow(1, queue);
        DeskLink live = new DeskLink(stream, clock, Desk.REVISIT, "revisit-live", List.of(queue), () -> queue);
        add(new H2(getTranslation("console.revisit.menu")), live, split, details);
        queue.restart();
        showAttempts();
        offer();
    }

    private void showAttempts() {
        attempts.setText(ticket == null ? ""
                : getTranslation("console.revisit.attempts", RevisitAttempts.unreachableSoFar(details.history()),
                        RevisitAttempts.LAST));
    }

    private void offer() {
        boolean allowed = DeskAction.REVISIT.allows(ticket);
        result.setEnabled(allowed);
        note.setEnabled(allowed);
        record.setEnabled(allowed && result.getValue() != null);
    }

    private void recordCall() {
        if (!DeskAction.REVISIT.allows(ticket) || result.getValue() == null) {
            return;
        }
        String text = note.getValue().isBlank() ? null : note.getValue().strip();
        Notices.attempt(() -> api.revisit(ticket.id(), result.getValue(), text)).ifPresent(after -> {
            Notices.done(getTranslation("console.revisit.done", after.number(), TicketLabels.revisit(result.getValue()),
                    TicketLabels.status(after.status())));
            result.clear();
            note.clear();
            ticket = null;
            details.clear();
            queue.reload();
            showAttempts();
            offer();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.revisit.menu") + " · " + getTranslation("console.title");
    }
}
