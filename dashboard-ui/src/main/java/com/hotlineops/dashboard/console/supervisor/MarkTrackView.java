package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.marktrack.ClearToZeroBoard;
import com.hotlineops.contract.marktrack.UnitProgress;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.util.stream.IntStream;

/**
 * Mark &amp; track (标记跟踪, DESIGN.md §2.6): the open tickets tagged PROMISED (承诺件) or UNSATISFIED (不满意件), nearest
 * deadline first, and the month's clear-to-zero board (清零行动): per unit, tagged tickets in the month's scope, how
 * many are cleared and how many are still open, with a bar for the cleared share.
 */
@Route(value = "supervisor/mark-track", layout = ConsoleLayout.class)
@Menu(order = 52, title = "console.supervisor.menu.markTrack")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
@StyleSheet("styles/supervisor.css")
public class MarkTrackView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Months the board offers: this one and the eleven before it. */
    static final int MONTHS = 12;

    private final SupervisorBackend backend;
    private final TicketBoard tagged;
    private final Tabs tags = new Tabs();
    private final Tab promised = new Tab();
    private final Tab unsatisfied = new Tab();
    private final Select<YearMonth> month = new Select<>();
    private final Grid<UnitProgress> units = new Grid<>();
    private final Span totals = new Span();

    public MarkTrackView(SupervisorBackend backend, Clock clock) {
        this.backend = backend;
        setId("supervisor-mark-track");
        setSizeFull();
        tagged = new TicketBoard("mark-track", backend, clock, this::getTranslation);
        tagged.grid().setHeight("32vh"); // the clear-to-zero board below stays in view

        promised.setLabel(getTranslation("console.supervisor.tag.PROMISED"));
        promised.setId("mark-track-tab-promised");
        unsatisfied.setLabel(getTranslation("console.supervisor.tag.UNSATISFIED"));
        unsatisfied.setId("mark-track-tab-unsatisfied");
        tags.add(promised, unsatisfied);
        tags.addSelectedChangeListener(change -> showTagged());

        YearMonth now = YearMonth.now(clock.withZone(SupervisorText.ZONE));
        month.setId("mark-track-month");
        month.setLabel(getTranslation("console.supervisor.markTrack.month"));
        month.setItems(IntStream.range(0, MONTHS).mapToObj(now::minusMonths).toList());
        month.setValue(now);
        month.addValueChangeListener(change -> showBoard());

        units.setId("mark-track-board");
        units.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        units.addColumn(u -> u.unitName() == null ? getTranslation("console.supervisor.markTrack.noUnit")
                : u.unitName()).setHeader(getTranslation("console.supervisor.col.unit")).setAutoWidth(true);
        units.addColumn(UnitProgress::tagged).setHeader(getTranslation("console.supervisor.markTrack.tagged"))
                .setAutoWidth(true);
        units.addColumn(UnitProgress::cleared).setHeader(getTranslation("console.supervisor.markTrack.cleared"))
                .setAutoWidth(true);
        units.addColumn(UnitProgress::open).setHeader(getTranslation("console.supervisor.markTrack.open"))
                .setAutoWidth(true);
        units.addComponentColumn(this::progress).setHeader(getTranslation("console.supervisor.markTrack.progress"))
                .setFlexGrow(2);
        units.setPartNameGenerator(u -> u.open() > 0 ? "sla-at-risk" : null);
        units.setEmptyStateText(getTranslation("console.supervisor.markTrack.boardEmpty"));
        units.setAllRowsVisible(true);
        totals.setId("mark-track-totals");

        HorizontalLayout boardHead = new HorizontalLayout(month, totals);
        boardHead.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("console.supervisor.menu.markTrack")),
                new H3(getTranslation("console.supervisor.markTrack.list")), tags, tagged,
                new H3(getTranslation("console.supervisor.markTrack.board")), boardHead, units);
    }

    /** Cleared share of the tagged tickets; a unit with nothing tagged is trivially clear. */
    private ProgressBar progress(UnitProgress unit) {
        ProgressBar bar = new ProgressBar(0, 1, unit.tagged() == 0 ? 1 : (double) unit.cleared() / unit.tagged());
        bar.addThemeVariants(unit.open() == 0 ? ProgressBarVariant.LUMO_SUCCESS : ProgressBarVariant.LUMO_CONTRAST);
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        showTagged();
        showBoard();
    }

    private void showTagged() {
        String tag = tags.getSelectedTab() == unsatisfied ? "UNSATISFIED" : "PROMISED";
        tagged.show(new BoardFilter(null, null, tag, null, null));
    }

    private void showBoard() {
        try {
            ClearToZeroBoard board = backend.clearToZero(month.getValue());
            units.setItems(board.units());
            totals.setText(getTranslation("console.supervisor.markTrack.totals", board.tagged(), board.cleared(),
                    board.open()));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.supervisor.menu.markTrack") + " · " + getTranslation("console.title");
    }
}
