package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketPage;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A desk work queue: one page of {@code GET /api/v1/tickets} in a grid (number linking to the ticket view, title,
 * state, grade, unit, worst running SLA clock, created), with previous/next by the backend's keyset cursors and a
 * refresh. One ticket at a time is selected for the console's actions. Component ids start with the given prefix.
 */
public class TicketQueue extends Composite<VerticalLayout> {

    private final TicketApi api;
    private final QueueQuery query;
    private final CursorPages pages = new CursorPages();
    private final Grid<TicketListItem> grid = new Grid<>();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span position = new Span();
    private List<TicketListItem> shown = List.of();

    public TicketQueue(TicketApi api, QueueQuery query, String idPrefix) {
        this.api = api;
        this.query = query;
        grid.setId(idPrefix + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(item -> new Anchor("tickets/" + item.ticket().id(), item.ticket().number()))
                .setHeader(getTranslation("console.ticket.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> item.ticket().title()).setHeader(getTranslation("console.ticket.title"))
                .setFlexGrow(3);
        grid.addColumn(item -> TicketLabels.status(item.ticket().status()))
                .setHeader(getTranslation("console.ticket.status")).setAutoWidth(true);
        grid.addColumn(item -> TicketLabels.grade(item.ticket().grade()))
                .setHeader(getTranslation("console.ticket.grade")).setAutoWidth(true);
        grid.addColumn(item -> item.unitName() == null ? "" : item.unitName())
                .setHeader(getTranslation("console.ticket.unit")).setAutoWidth(true);
        grid.addColumn(item -> item.sla() == null ? ""
                        : TicketLabels.sla(item.sla()) + " · " + TicketLabels.time(item.nextDue()))
                .setHeader(getTranslation("console.ticket.sla")).setAutoWidth(true);
        grid.addColumn(item -> TicketLabels.time(item.ticket().createdAt()))
                .setHeader(getTranslation("console.ticket.created")).setAutoWidth(true);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.setAllRowsVisible(true);

        previous.setText(getTranslation("console.ticket.queue.previous"));
        previous.setId(idPrefix + "-previous");
        previous.addClickListener(click -> load(pages.back()));
        next.setText(getTranslation("console.ticket.queue.next"));
        next.setId(idPrefix + "-next");
        next.addClickListener(click -> load(pages.forward()));
        Button refresh = new Button(getTranslation("console.ticket.queue.refresh"), click -> reload());
        refresh.setId(idPrefix + "-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        position.setId(idPrefix + "-page");
        HorizontalLayout paging = new HorizontalLayout(previous, position, next, refresh);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);

        getContent().setPadding(false);
        getContent().add(grid, paging);
    }

    /** Loads the page shown now again (after an action, or to see what arrived meanwhile). */
    public void reload() {
        load(pages.current());
    }

    /** Back to the first page. */
    public void restart() {
        load(pages.restart());
    }

    public Optional<TicketListItem> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    public void select(TicketListItem item) {
        grid.select(item);
    }

    public void addSelectionListener(Consumer<Optional<TicketListItem>> listener) {
        grid.addSelectionListener(selection -> listener.accept(selection.getFirstSelectedItem()));
    }

    /** The rows of the page shown. */
    public List<TicketListItem> items() {
        return shown;
    }

    private void load(String cursor) {
        Optional<TicketPage> page = Notices.attempt(() -> api.page(query, cursor));
        shown = page.map(TicketPage::items).orElse(List.of());
        pages.shown(page.map(TicketPage::nextCursor).orElse(null));
        grid.setItems(shown);
        grid.deselectAll();
        previous.setEnabled(pages.hasPrevious());
        next.setEnabled(pages.hasNext());
        position.setText(shown.isEmpty() && !pages.hasPrevious() ? getTranslation("console.ticket.queue.empty")
                : getTranslation("console.ticket.queue.page", pages.pageNumber(), shown.size()));
    }
}
