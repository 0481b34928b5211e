package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.supervisor.SupervisorText.Translator;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Open tickets of one filter, nearest deadline first, a page at a time (the backend's keyset cursor: "more" appends
 * the next page, so a ticket that changes meanwhile is neither lost nor repeated). At risk rows are amber, overdue
 * rows red; the countdown column is recomputed by {@link #tick()}.
 */
class TicketBoard extends Composite<VerticalLayout> {

    private final SupervisorBackend backend;
    private final Clock clock;
    private final Translator t;
    private final Grid<BoardRow> grid = new Grid<>();
    private final Button more;
    private final List<BoardRow> rows = new ArrayList<>();
    private BoardFilter filter = BoardFilter.NONE;
    private String nextCursor;

    TicketBoard(String id, SupervisorBackend backend, Clock clock, Translator t) {
        this.backend = backend;
        this.clock = clock;
        this.t = t;
        grid.setId(id + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(row -> {
            Anchor link = new Anchor(row.detailRoute(), row.ticket().number());
            link.addClassName("supervisor-ticket-link");
            return link;
        }).setHeader(t.get("console.supervisor.col.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.ticket().title()).setHeader(t.get("console.supervisor.col.title")).setFlexGrow(3);
        grid.addColumn(row -> row.ticket().status() == null ? "—"
                : t.get("console.enum.status." + row.ticket().status().name()))
                .setHeader(t.get("console.supervisor.col.status")).setAutoWidth(true);
        grid.addColumn(row -> row.unitName() == null ? "—" : row.unitName())
                .setHeader(t.get("console.supervisor.col.unit")).setAutoWidth(true);
        grid.addComponentColumn(row -> SupervisorText.slaBadge(row.sla(), t))
                .setHeader(t.get("console.supervisor.col.sla")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> SupervisorText.time(row.nextDue())).setHeader(t.get("console.supervisor.col.due"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> SupervisorText.countdown(row.nextDue(), clock.instant(), t))
                .setHeader(t.get("console.supervisor.col.countdown")).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> row.tags().stream().map(tag -> t.get("console.enum.tag." + tag))
                .collect(Collectors.joining("、"))).setHeader(t.get("console.supervisor.col.tags")).setAutoWidth(true);
        grid.addColumn(row -> row.supervised() ? t.get("console.supervisor.supervised.yes") : "")
                .setHeader(t.get("console.supervisor.col.supervised")).setWidth("7em").setFlexGrow(0);
        grid.setPartNameGenerator(row -> row.sla() == SlaState.OVERDUE ? "sla-overdue"
                : row.sla() == SlaState.AT_RISK ? "sla-at-risk" : null);
        grid.setItems(rows);
        grid.setEmptyStateText(t.get("console.supervisor.board.empty"));
        grid.setHeight("60vh");

        more = new Button(t.get("console.supervisor.board.more"), click -> loadMore());
        more.setId(id + "-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.setVisible(false);
        getContent().setPadding(false);
        getContent().add(grid, more);
    }

    Grid<BoardRow> grid() {
        return grid;
    }

    BoardFilter filter() {
        return filter;
    }

    /** The first page of this filter, replacing what is shown. */
    void show(BoardFilter filter) {
        this.filter = filter;
        rows.clear();
        nextCursor = null;
        load(null);
    }

    /** The same filter again from the top, e.g. after a change. */
    void reload() {
        show(filter);
    }

    void loadMore() {
        if (nextCursor != null) {
            load(nextCursor);
        }
    }

    /** Recompute the countdowns against the clock (no backend call): streams carry deadlines, not ticks. */
    void tick() {
        grid.getDataProvider().refreshAll();
    }

    private void load(String cursor) {
        try {
            BoardRow.Page page = backend.tickets(filter, cursor);
            rows.addAll(page.items());
            nextCursor = page.nextCursor();
        } catch (BackendProblem problem) {
            nextCursor = null;
            SupervisorText.problem(problem);
        }
        grid.getDataProvider().refreshAll();
        more.setVisible(nextCursor != null);
    }

    List<BoardRow> rows() {
        return List.copyOf(rows);
    }
}
