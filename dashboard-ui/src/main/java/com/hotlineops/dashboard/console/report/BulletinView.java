package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.BulletinItem;
import com.hotlineops.contract.report.UnitBulletin;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The bulletin (通报, DESIGN.md §2.8): per unit, the sign-for and finish deadlines of the chosen days that were missed,
 * and the unsatisfied revisits, as of the end of the range or now; then every ticket named, so a unit can be shown
 * exactly which. This month so far unless other days are picked.
 */
@Route(value = "reports/bulletin", layout = ConsoleLayout.class)
@Menu(order = 61, title = "console.report.menu.bulletin")
@RolesAllowed({"SUPERVISOR", "DIRECTOR", "ADMIN"})
@StyleSheet("styles/report.css")
public class BulletinView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ReportsBackend backend;
    private final DayRange range;
    private final ReportDownloads downloads;
    private volatile ReportQuery.Bulletin shown;

    private final Span asOf = new Span();
    private final Span signForOverdue = new Span();
    private final Span finishOverdue = new Span();
    private final Span unsatisfied = new Span();
    private final Grid<UnitBulletin> units = new Grid<>();
    private final Grid<BulletinItem> items = new Grid<>();

    public BulletinView(ReportsBackend backend, Clock clock) {
        this.backend = backend;
        this.downloads = new ReportDownloads(backend, () -> shown);
        setId("report-bulletin");
        addClassName("report");
        LocalDate today = LocalDate.now(clock.withZone(ReportText.ZONE));
        range = new DayRange("report-range", today.withDayOfMonth(1), today, this::getTranslation);
        range.onChange(this::show);

        asOf.setId("report-as-of");
        asOf.addClassName("report-note");
        Div figures = new Div(
                ReportText.figure(getTranslation("console.report.signForOverdue"), signForOverdue,
                        "report-sign-for-overdue"),
                ReportText.figure(getTranslation("console.report.finishOverdue"), finishOverdue,
                        "report-finish-overdue"),
                ReportText.figure(getTranslation("console.report.unsatisfied"), unsatisfied, "report-unsatisfied"));
        figures.addClassName("report-figures");
        unitColumns();
        itemColumns();

        List<Component> controls = new ArrayList<>(range.fields());
        controls.add(downloads.link("report-pdf", "PDF", ReportFile.PDF));
        controls.add(downloads.link("report-xlsx", "XLSX", ReportFile.XLSX));
        add(new H2(getTranslation("console.report.menu.bulletin")),
                ReportSection.controls(controls.toArray(Component[]::new)), asOf, figures,
                ReportSection.of(getTranslation("console.report.bulletin.units"),
                        downloads.link("report-csv-units", "CSV", ReportFile.csv("units")), units),
                ReportSection.of(getTranslation("console.report.bulletin.items"),
                        downloads.link("report-csv-items", "CSV", ReportFile.csv("items")), items));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        ReportQuery.Bulletin query = range.days().map(ReportQuery.Bulletin::new).orElse(null);
        if (query == null) {
            return; // the pickers say what is wrong; the report on screen stays as it was, and so do the links
        }
        try {
            Bulletin bulletin = backend.bulletin(query);
            asOf.setText(getTranslation("console.report.bulletin.asOf", ReportText.time(bulletin.from()),
                    ReportText.time(bulletin.to()), ReportText.time(bulletin.asOf())));
            signForOverdue.setText(ReportText.count(bulletin.signForOverdue(), getLocale()));
            finishOverdue.setText(ReportText.count(bulletin.finishOverdue(), getLocale()));
            unsatisfied.setText(ReportText.count(bulletin.unsatisfied(), getLocale()));
            units.setItems(bulletin.units());
            items.setItems(bulletin.items());
            shown = query;
        } catch (BackendProblem problem) {
            shown = null;
            ReportText.problem(problem);
        }
        downloads.refresh();
    }

    private void unitColumns() {
        units.setId("report-bulletin-units");
        units.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        units.addColumn(u -> u.unitName() == null ? ReportText.NONE : u.unitName())
                .setHeader(getTranslation("console.report.col.unit")).setFlexGrow(2);
        count(units, "console.report.signForOverdue", UnitBulletin::signForOverdue);
        count(units, "console.report.finishOverdue", UnitBulletin::finishOverdue);
        count(units, "console.report.unsatisfied", UnitBulletin::unsatisfied);
        units.setAllRowsVisible(true);
        units.setEmptyStateText(getTranslation("console.report.bulletin.none"));
    }

    private void count(Grid<UnitBulletin> grid, String header, ToLongFunction<UnitBulletin> value) {
        grid.addColumn(u -> ReportText.count(value.applyAsLong(u), getLocale())).setHeader(getTranslation(header))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(u -> value.applyAsLong(u) > 0 ? "report-bad" : null);
    }

    private void itemColumns() {
        items.setId("report-bulletin-items");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        items.addColumn(BulletinItem::number).setHeader(getTranslation("console.report.col.number"))
                .setAutoWidth(true);
        items.addColumn(BulletinItem::title).setHeader(getTranslation("console.report.col.title")).setFlexGrow(3);
        items.addColumn(i -> i.unitName() == null ? ReportText.NONE : i.unitName())
                .setHeader(getTranslation("console.report.col.unit")).setFlexGrow(1);
        items.addColumn(i -> getTranslation("console.report.kind." + i.kind()))
                .setHeader(getTranslation("console.report.col.kind")).setAutoWidth(true);
        items.addColumn(i -> ReportText.time(i.due())).setHeader(getTranslation("console.report.col.due"))
                .setAutoWidth(true);
        items.addColumn(i -> i.at() == null ? getTranslation("console.report.stillOverdue") : ReportText.time(i.at()))
                .setHeader(getTranslation("console.report.col.at")).setAutoWidth(true);
        items.setHeight("40vh");
        items.setEmptyStateText(getTranslation("console.report.bulletin.none"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.report.menu.bulletin") + " · " + getTranslation("console.title");
    }
}
