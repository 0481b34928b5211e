package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One ticket as a desk sees it (issue #5): its facts (number, state, grade, channel, category, location, the
 * citizen's phone only masked, unit, deadlines), what lies over it (tags, supervision, pause, extension), its SLA
 * clocks with their states and its history (who, when, from → to, why). Used by the ticket view and beside the audit
 * and revisit queues.
 */
public class TicketDetails extends Composite<VerticalLayout> {

    private final TicketApi api;
    private final Categories categories;
    private final H3 heading = new H3();
    private final Span status = new Span();
    private final Div facts = new Div();
    private final Paragraph content = new Paragraph();
    private final Div overlays = new Div();
    private final Grid<SlaClockView> clocks = new Grid<>();
    private final Grid<TicketEventView> history = new Grid<>();
    private TicketView ticket;
    private List<TicketEventView> events = List.of();
    private Map<UUID, String> unitNames;

    public TicketDetails(TicketApi api, Categories categories) {
        this.api = api;
        this.categories = categories;
        setId("ticket-details");
        status.setId("ticket-status");
        status.addClassName("desk-status");
        heading.setId("ticket-number");
        facts.addClassName("desk-facts");
        content.setId("ticket-content");
        content.addClassName("desk-content");
        overlays.setId("ticket-overlays");
        overlays.addClassName("desk-overlays");

        clocks.setId("ticket-clocks");
        clocks.addThemeVariants(GridVariant.LUMO_COMPACT);
        clocks.addColumn(c -> TicketLabels.clock(c.clock())).setHeader(getTranslation("console.ticket.clock"));
        clocks.addColumn(c -> TicketLabels.sla(c.state())).setHeader(getTranslation("console.ticket.clock.state"));
        clocks.addColumn(c -> TicketLabels.time(c.startedAt())).setHeader(getTranslation("console.ticket.clock.started"));
        clocks.addColumn(c -> TicketLabels.time(c.atRiskAt())).setHeader(getTranslation("console.ticket.clock.atRisk"));
        clocks.addColumn(c -> TicketLabels.time(c.dueAt())).setHeader(getTranslation("console.ticket.clock.due"));
        clocks.addColumn(c -> TicketLabels.time(c.stoppedAt())).setHeader(getTranslation("console.ticket.clock.stopped"));
        clocks.setAllRowsVisible(true);

        history.setId("ticket-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addColumn(e -> TicketLabels.time(e.occurredAt())).setHeader(getTranslation("console.ticket.history.time"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(TicketEventView::actor).setHeader(getTranslation("console.ticket.history.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(e -> TicketLabels.event(e.type())).setHeader(getTranslation("console.ticket.history.event"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(e -> (e.from() == null ? "" : TicketLabels.status(e.from()) + " → ")
                + TicketLabels.status(e.to())).setHeader(getTranslation("console.ticket.history.change"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(e -> e.reason() == null ? "" : e.reason())
                .setHeader(getTranslation("console.ticket.history.reason")).setFlexGrow(1);
        history.setAllRowsVisible(true);

        getContent().setPadding(false);
        getContent().add(heading, facts, content, overlays, new H4(getTranslation("console.ticket.clocks")), clocks,
                new H4(getTranslation("console.ticket.history")), history);
        getContent().setVisible(false);
    }

    /** Loads and shows the ticket; false (with the backend's reason shown) when it cannot be read. */
    public boolean show(UUID id) {
        Optional<TicketView> found = Notices.attempt(() -> api.find(id));
        if (found.isEmpty()) {
            clear();
            return false;
        }
        ticket = found.get();
        events = Notices.attempt(() -> api.history(id)).orElse(List.of());
        List<SlaClockView> running = Notices.attempt(() -> api.clocks(id)).orElse(List.of());
        render(running);
        return true;
    }

    public void clear() {
        ticket = null;
        events = List.of();
        getContent().setVisible(false);
    }

    public Optional<TicketView> ticket() {
        return Optional.ofNullable(ticket);
    }

    /** The shown ticket's history, oldest first. */
    public List<TicketEventView> history() {
        return events;
    }

    private void render(List<SlaClockView> running) {
        status.setText(TicketLabels.status(ticket.status()));
        status.getElement().setAttribute("data-status", ticket.status().name());
        heading.removeAll();
        heading.add(new Span(ticket.number() + " "), status);
        facts.removeAll();
        facts.add(fact("title", ticket.title()),
                fact("grade", TicketLabels.grade(ticket.grade())),
                fact("channel", TicketLabels.channel(ticket.channel())),
                fact("category", categories.label(ticket.categoryCode())),
                fact("location", ticket.location()),
                fact("phone", ticket.citizenPhoneMasked()),
                fact("unit", ticket.unitId() == null ? "" : unitName(ticket.unitId())),
                fact("created", TicketLabels.time(ticket.createdAt())),
                fact("dispatched", TicketLabels.time(ticket.dispatchedAt())),
                fact("acceptDue", TicketLabels.time(ticket.acceptDue())),
                fact("finishDue", TicketLabels.time(ticket.finishDue())));
        content.setText(ticket.content());
        overlays.removeAll();
        overlayLines(ticket.overlays()).forEach(line -> overlays.add(chip(line)));
        clocks.setItems(running);
        history.setItems(events);
        getContent().setVisible(true);
    }

    private List<String> overlayLines(TicketOverlays o) {
        List<String> lines = new ArrayList<>();
        o.tags().forEach(tag -> lines.add(TicketLabels.tag(tag)));
        if (o.supervised()) {
            lines.add(getTranslation("console.ticket.overlay.supervised", TicketLabels.time(o.supervisedAt())));
        }
        if (o.paused()) {
            lines.add(getTranslation("console.ticket.overlay.paused", TicketLabels.time(o.pausedAt())));
        }
        if (o.extensionPending()) {
            lines.add(getTranslation("console.ticket.overlay.extensionPending", o.extensionDaysRequested(),
                    o.extensionReason() == null ? "" : o.extensionReason()));
        }
        if (o.extendedDays() > 0) {
            lines.add(getTranslation("console.ticket.overlay.extended", o.extendedDays()));
        }
        if (o.emergencyNumber() != null) {
            lines.add(getTranslation("console.ticket.overlay.emergency", o.emergencyNumber()));
        }
        if (o.mergedInto() != null) {
            lines.add(getTranslation("console.ticket.overlay.merged"));
        }
        return lines;
    }

    private String unitName(UUID id) {
        if (unitNames == null) {
            unitNames = Notices.attempt(api::units).orElse(List.of()).stream()
                    .collect(Collectors.toMap(TicketApi.Unit::id, TicketApi.Unit::name, (a, b) -> a));
        }
        return unitNames.getOrDefault(id, id.toString());
    }

    private Component fact(String name, String value) {
        Span label = new Span(getTranslation("console.ticket." + name));
        label.addClassName("desk-fact-label");
        Span text = new Span(value == null ? "" : value);
        text.setId("ticket-" + name);
        Div fact = new Div(label, text);
        fact.addClassName("desk-fact");
        return fact;
    }

    private static Span chip(String text) {
        Span chip = new Span(text);
        chip.addClassName("desk-chip");
        return chip;
    }
}
