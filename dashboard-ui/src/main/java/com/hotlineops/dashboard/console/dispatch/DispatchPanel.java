package com.hotlineops.dashboard.console.dispatch;

import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.ticket.DeskAction;
import com.hotlineops.dashboard.console.ticket.Notices;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketLabels;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Direct dispatch of the ticket in hand (市级直派乡镇, DESIGN.md §2.2): a township/street or department picked from the
 * organisation tree, optionally one of its grids (the grid's workers are then offered it, first to accept takes it),
 * and a note for the handler. Offered only on a ticket waiting for dispatch with a unit chosen.
 */
class DispatchPanel extends Composite<VerticalLayout> {

    private final TicketApi api;
    private final Runnable dispatched;
    private final List<TicketApi.Unit> units;
    private final ComboBox<TicketApi.Unit> unit = new ComboBox<>();
    private final ComboBox<TicketApi.Unit> grid = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final Button dispatch = new Button();
    private TicketView ticket;

    DispatchPanel(TicketApi api, List<TicketApi.Unit> units, Runnable dispatched) {
        this.api = api;
        this.units = units;
        this.dispatched = dispatched;
        unit.setId("dispatch-unit");
        unit.setLabel(getTranslation("console.dispatch.unit"));
        unit.setItems(units.stream().filter(TicketApi.Unit::receivesDispatch).toList());
        unit.setItemLabelGenerator(u -> u.name() + " · " + getTranslation("console.dispatch.kind." + u.kind()));
        unit.setWidthFull();
        unit.addValueChangeListener(change -> {
            List<TicketApi.Unit> grids = change.getValue() == null ? List.of()
                    : this.units.stream().filter(g -> g.isGridOf(change.getValue())).toList();
            grid.clear();
            grid.setItems(grids);
            grid.setEnabled(!grids.isEmpty());
            offer();
        });
        grid.setId("dispatch-grid");
        grid.setLabel(getTranslation("console.dispatch.grid"));
        grid.setItemLabelGenerator(TicketApi.Unit::name);
        grid.setClearButtonVisible(true);
        grid.setEnabled(false);
        grid.setWidthFull();
        note.setId("dispatch-note");
        note.setLabel(getTranslation("console.dispatch.note"));
        note.setWidthFull();
        note.setMaxLength(2000);
        dispatch.setId("dispatch-button");
        dispatch.setText(getTranslation("console.dispatch.send"));
        dispatch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dispatch.addClickListener(click -> send());
        getContent().setPadding(false);
        getContent().add(unit, grid, note, dispatch);
        show(null);
    }

    void show(TicketView ticket) {
        this.ticket = ticket;
        offer();
    }

    private void offer() {
        dispatch.setEnabled(DeskAction.DISPATCH.allows(ticket) && unit.getValue() != null);
    }

    private void send() {
        if (!DeskAction.DISPATCH.allows(ticket) || unit.getValue() == null) {
            return;
        }
        UUID gridId = Optional.ofNullable(grid.getValue()).map(TicketApi.Unit::id).orElse(null);
        String text = note.getValue().isBlank() ? null : note.getValue().strip();
        Notices.attempt(() -> api.dispatch(ticket.id(), new DispatchRequest(unit.getValue().id(), gridId, text)))
                .ifPresent(after -> {
                    Notices.done(getTranslation("console.dispatch.done", after.number(), unit.getValue().name(),
                            TicketLabels.status(after.status())));
                    note.clear();
                    grid.clear();
                    show(null);
                    dispatched.run();
                });
    }
}
