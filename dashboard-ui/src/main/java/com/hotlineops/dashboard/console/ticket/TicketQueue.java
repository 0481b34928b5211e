package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.DeskTicketChange;
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
import com.vaadin.flow.data.provider.ListDataProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A desk work queue: one page of {@code GET /api/v1/tickets} in a grid (number linking to the ticket view, title,
 * state, grade, unit, worst running SLA clock, created), with previous/next by the backend's keyset cursors and a
 * refresh. One ticket at a time is selected for the console's actions. Component ids start with the given prefix.
 *
 * <p>A live desk ({@link DeskLink}) reads the page again when the backend says its tickets changed
 * ({@link #refresh}): the selection stays while its ticket is still listed; a selected ticket that left the queue
 * because someone else acted on it is said so above the grid, not silently replaced.
 */
public class TicketQueue extends Composite<VerticalLayout> {

    private final TicketApi api;
    private final QueueQuery query;
    private final CursorPages pages = new CursorPages();
    private final List<TicketListItem> rows = new ArrayList<>();
    private final ListDataProvider<TicketListItem> rowProvider = new ListDataProvider<>(rows) {
        @Override
        public Object getId(TicketListItem item) {
            return item.ticket().id(); // a newer copy of the selected ticket stays selected
        }
    };
    private final Grid<TicketListItem> grid = new Grid<>();
    private final Span left = new Span();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span position = new Span();
    private List<TicketListItem> shown = List.of();

    public TicketQueue(TicketApi api, QueueQuery query, String idPrefix) {
        this.api = api;
        this.query = query;
        grid.setId(idPrefix + "-grid");
        grid.setItems(rowProvider);
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
        grid.addSelectionListener(selection -> {
            if (selection.getFirstSelectedItem().isPresent()) {
                left.setVisible(false); // the user went on to another ticket
            }
        });
        left.setId(idPrefix + "-left");
        left.addClassName("desk-left");
        left.setVisible(false);

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
        getContent().add(left, grid, paging);
    }

    /** Loads the page shown now again (after an action, or to see what arrived meanwhile). */
    public void reload() {
        load(pages.current());
    }

    /** Back to the first page. */
    public void restart() {
        load(pages.restart());
    }

    /**
     * The page shown read again because tickets changed elsewhere ({@code changes}: what the backend said of them,
     * by ticket). The selection stays if its ticket is still on the page; if not, it is dropped and the view says
     * which ticket left and, when known, the state it is in now. A failed read leaves the page as it was.
     */
    public void refresh(Map<UUID, DeskTicketChange> changes) {
        Optional<TicketListItem> selected = selected();
        Notices.attempt(() -> api.page(query, pages.current())).ifPresent(page -> {
            show(page);
            selected.filter(item -> rows.stream().noneMatch(row -> row.ticket().id().equals(item.ticket().id())))
                    .ifPresent(gone -> {
                        grid.deselectAll();
                        DeskTicketChange change = changes.get(gone.ticket().id());
                        left.setText(change == null
                                ? getTranslation("console.ticket.queue.left", gone.ticket().number())
                                : getTranslation("console.ticket.queue.leftAs", gone.ticket().number(),
                                        TicketLabels.status(change.status())));
                        left.setVisible(true);
                    });
        });
    }

    /** Marks the page as possibly out of date (the desk's live changes are interrupted) or current again. */
    public void stale(boolean stale) {
        grid.setClassName("desk-queue-stale", stale);
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
        left.setVisible(false);
        grid.deselectAll();
        show(page.orElse(new TicketPage(List.of(), null)));
    }

    private void show(TicketPage page) {
        shown = page.items();
        pages.shown(page.nextCursor());
        rows.clear();
        rows.addAll(shown);
        rowProvider.refreshAll();
        previous.setEnabled(pages.hasPrevious());
        next.setEnabled(pages.hasNext());
        position.setText(shown.isEmpty() && !pages.hasPrevious() ? getTranslation("console.ticket.queue.empty")
                : getTranslation("console.ticket.queue.page", pages.pageNumber(), shown.size()));
    }
}
