package com.hotlineops.dashboard.console.agent;

import com.hotlineops.contract.shift.DirectorCall;
import com.hotlineops.contract.shift.DirectorTicket;
import com.hotlineops.contract.shift.MyShift;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.dashboard.console.BackendApi;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Notices;
import com.hotlineops.dashboard.console.ticket.TicketApi;
import com.hotlineops.dashboard.console.ticket.TicketLabels;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 领导接听 "my shift" (DESIGN.md §2.7): the director's shift now and those coming in the next days, the calls they
 * answered on shift (caller numbers masked by the backend), and the tickets they took, newest first, each with the
 * state of its finish clock and a link to the ticket.
 */
@Route(value = "desk/shift", layout = ConsoleLayout.class)
@Menu(order = 11, title = "console.agent.menu.shift")
@RolesAllowed("DIRECTOR")
@StyleSheet("styles/desk.css")
public class MyShiftView extends VerticalLayout implements HasDynamicTitle {

    private final BackendApi backend;
    private final TicketApi tickets;
    private final Div now = new Div();
    private final Div upcoming = new Div();
    private final Grid<DirectorTicket> taken = new Grid<>();
    private final Grid<DirectorCall> calls = new Grid<>();

    public MyShiftView(BackendApi backend, TicketApi tickets) {
        this.backend = backend;
        this.tickets = tickets;
        setId("agent-shift");
        now.setId("shift-now");
        upcoming.setId("shift-upcoming");
        taken.setId("shift-tickets");
        taken.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        taken.addComponentColumn(t -> new Anchor("tickets/" + t.id(), t.number()))
                .setHeader(getTranslation("console.ticket.number")).setAutoWidth(true).setFlexGrow(0);
        taken.addColumn(DirectorTicket::title).setHeader(getTranslation("console.ticket.title")).setFlexGrow(3);
        taken.addColumn(t -> TicketLabels.status(t.status())).setHeader(getTranslation("console.ticket.status"))
                .setAutoWidth(true);
        taken.addColumn(t -> TicketLabels.time(t.createdAt())).setHeader(getTranslation("console.ticket.created"))
                .setAutoWidth(true);
        taken.addColumn(t -> TicketLabels.time(t.finishDue())).setHeader(getTranslation("console.ticket.finishDue"))
                .setAutoWidth(true);
        taken.addColumn(t -> TicketLabels.sla(t.finishState())).setHeader(getTranslation("console.ticket.sla"))
                .setAutoWidth(true);
        taken.setAllRowsVisible(true);
        callColumns();
        Button refresh = new Button(getTranslation("console.ticket.queue.refresh"), click -> load());
        refresh.setId("shift-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("console.agent.menu.shift")), refresh,
                new H3(getTranslation("console.agent.shift.now")), now,
                new H3(getTranslation("console.agent.shift.upcoming")), upcoming,
                new H3(getTranslation("console.agent.shift.calls")), calls,
                new H3(getTranslation("console.agent.shift.tickets")), taken);
        load();
    }

    private void callColumns() {
        calls.setId("shift-calls");
        calls.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        calls.addColumn(c -> TicketLabels.time(c.answeredAt()))
                .setHeader(getTranslation("console.agent.shift.answeredAt")).setAutoWidth(true);
        calls.addColumn(c -> getTranslation("console.enum.queue." + c.queue().name()))
                .setHeader(getTranslation("console.agent.shift.queue")).setAutoWidth(true);
        calls.addColumn(c -> c.callerNumberMasked() == null ? "—" : c.callerNumberMasked())
                .setHeader(getTranslation("console.agent.shift.caller")).setAutoWidth(true);
        calls.addColumn(c -> c.waitSeconds() == null ? "—"
                        : getTranslation("console.agent.shift.seconds", Math.round(c.waitSeconds())))
                .setHeader(getTranslation("console.agent.shift.wait")).setAutoWidth(true);
        calls.addColumn(c -> c.endedAt() == null ? getTranslation("console.agent.shift.ongoing")
                        : TicketLabels.time(c.endedAt()))
                .setHeader(getTranslation("console.agent.shift.endedAt")).setAutoWidth(true);
        calls.setAllRowsVisible(true);
        calls.setEmptyStateText(getTranslation("console.agent.shift.noCalls"));
    }

    private void load() {
        MyShift mine = Notices.attempt(() -> backend.get("/api/v1/shifts/mine", MyShift.class))
                .orElse(new MyShift(List.of(), List.of(), List.of(), List.of()));
        Map<UUID, String> units = mine.onShiftNow().isEmpty() && mine.upcoming().isEmpty() ? Map.of()
                : Notices.attempt(tickets::units).orElse(List.of()).stream()
                        .collect(Collectors.toMap(TicketApi.Unit::id, TicketApi.Unit::name, (a, b) -> a));
        fill(now, mine.onShiftNow(), units, "console.agent.shift.none");
        fill(upcoming, mine.upcoming(), units, "console.agent.shift.noneUpcoming");
        taken.setItems(mine.tickets());
        calls.setItems(mine.calls());
    }

    private void fill(Div into, List<Shift> shifts, Map<UUID, String> units, String noneKey) {
        into.removeAll();
        if (shifts.isEmpty()) {
            into.add(new Paragraph(getTranslation(noneKey)));
        }
        for (Shift s : shifts) {
            Paragraph line = new Paragraph(getTranslation("console.agent.shift.line", TicketLabels.time(s.startsAt()),
                    TicketLabels.time(s.endsAt()), s.unitId() == null ? "" : units.getOrDefault(s.unitId(), ""),
                    s.seat() == null ? "" : s.seat()));
            line.addClassName("shift-line");
            into.add(line);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.agent.menu.shift") + " · " + getTranslation("console.title");
    }
}
