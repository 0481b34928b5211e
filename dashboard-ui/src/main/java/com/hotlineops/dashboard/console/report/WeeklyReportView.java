package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.SpikeMethod;
import com.hotlineops.contract.report.UnitRates;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.IntStream;

/**
 * The weekly report (周报, DESIGN.md §2.8) of one ISO week, Monday to Monday in Asia/Shanghai: as issued on Monday
 * 08:00 for the week before, or computed on demand for the week so far. Headline figures, Beijing's three rates per
 * unit, the breakdowns by channel, category and unit, and the week's hotspot spikes with the method that judged them;
 * the whole report as PDF and XLSX, each table as CSV.
 */
@Route(value = "reports/weekly", layout = ConsoleLayout.class)
@Menu(order = 60, title = "console.report.menu.weekly")
@RolesAllowed({"SUPERVISOR", "DIRECTOR", "ADMIN"})
@StyleSheet("styles/report.css")
public class WeeklyReportView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Weeks the picker offers: this one (so far) and the twelve before it. */
    static final int WEEKS = 13;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final ReportsBackend backend;
    private final Categories categories;
    private final Select<LocalDate> week = new Select<>();
    private final ReportDownloads downloads;
    private volatile ReportQuery.Weekly shown;

    private final Span issued = new Span();
    private final Span received = new Span();
    private final Span closed = new Span();
    private final Span signForOverdue = new Span();
    private final Span finishOverdue = new Span();
    private final Span unsatisfied = new Span();
    private final Grid<UnitRates> rates = new Grid<>();
    private final CountGrid byChannel;
    private final CountGrid byCategory;
    private final CountGrid byUnit;
    private final Grid<HotspotCell> spikes = new Grid<>();
    private final Paragraph method = new Paragraph();

    public WeeklyReportView(ReportsBackend backend, Categories categories, Clock clock) {
        this.backend = backend;
        this.categories = categories;
        this.downloads = new ReportDownloads(backend, () -> shown);
        setId("report-weekly");
        addClassName("report");

        LocalDate thisMonday = LocalDate.now(clock.withZone(ReportText.ZONE))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        week.setId("report-week");
        week.setWidth("24em");
        week.setLabel(getTranslation("console.report.week"));
        week.setItems(IntStream.range(0, WEEKS).mapToObj(thisMonday::minusWeeks).toList());
        week.setItemLabelGenerator(monday -> getTranslation(monday.equals(thisMonday)
                ? "console.report.week.current" : "console.report.week.label", isoWeek(monday),
                DAY.format(monday), DAY.format(monday.plusDays(6))));
        week.setValue(thisMonday.minusWeeks(1));
        week.addValueChangeListener(change -> show());

        issued.setId("report-issued");
        issued.addClassName("report-note");
        Div figures = new Div(
                ReportText.figure(getTranslation("console.report.received"), received, "report-received"),
                ReportText.figure(getTranslation("console.report.closed"), closed, "report-closed"),
                ReportText.figure(getTranslation("console.report.signForOverdue"), signForOverdue,
                        "report-sign-for-overdue"),
                ReportText.figure(getTranslation("console.report.finishOverdue"), finishOverdue,
                        "report-finish-overdue"),
                ReportText.figure(getTranslation("console.report.unsatisfied"), unsatisfied, "report-unsatisfied"));
        figures.addClassName("report-figures");

        UnitRatesColumns.add(rates, this::getTranslation, getLocale());
        rates.setId("report-rates");
        String count = getTranslation("console.report.col.count");
        String share = getTranslation("console.report.col.share");
        byChannel = new CountGrid("report-by-channel", getTranslation("console.report.col.channel"), count, share,
                getLocale());
        byCategory = new CountGrid("report-by-category", getTranslation("console.report.col.category"), count, share,
                getLocale());
        byUnit = new CountGrid("report-by-unit", getTranslation("console.report.col.unit"), count, share, getLocale());
        spikeColumns();
        method.setId("report-method");
        method.addClassName("report-note");

        Div breakdowns = new Div(
                ReportSection.of(getTranslation("console.report.byChannel"),
                        downloads.link("report-csv-channels", "CSV", ReportFile.csv("channels")), byChannel),
                ReportSection.of(getTranslation("console.report.byCategory"),
                        downloads.link("report-csv-categories", "CSV", ReportFile.csv("categories")), byCategory),
                ReportSection.of(getTranslation("console.report.byUnit"),
                        downloads.link("report-csv-units", "CSV", ReportFile.csv("units")), byUnit));
        breakdowns.addClassName("report-breakdowns");

        add(new H2(getTranslation("console.report.menu.weekly")),
                ReportSection.controls(week, downloads.link("report-pdf", "PDF", ReportFile.PDF),
                        downloads.link("report-xlsx", "XLSX", ReportFile.XLSX)),
                issued, figures,
                ReportSection.of(getTranslation("console.report.rates"),
                        downloads.link("report-csv-rates", "CSV", ReportFile.csv("rates")), rates),
                breakdowns,
                ReportSection.of(getTranslation("console.report.spikes"),
                        downloads.link("report-csv-spikes", "CSV", ReportFile.csv("spikes")), spikes),
                method);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        ReportQuery.Weekly query = new ReportQuery.Weekly(isoWeek(week.getValue()));
        try {
            WeeklyReport report = backend.weekly(query);
            issued.setText(report.issuedAt() == null
                    ? getTranslation("console.report.onDemand", ReportText.time(report.from()),
                            ReportText.time(report.to()))
                    : getTranslation("console.report.issuedAt", ReportText.time(report.issuedAt()),
                            ReportText.time(report.from()), ReportText.time(report.to())));
            received.setText(ReportText.count(report.received(), getLocale()));
            closed.setText(ReportText.count(report.closed(), getLocale()));
            signForOverdue.setText(ReportText.count(report.signForOverdue(), getLocale()));
            finishOverdue.setText(ReportText.count(report.finishOverdue(), getLocale()));
            unsatisfied.setText(ReportText.count(report.unsatisfied(), getLocale()));
            rates.setItems(report.units());
            byChannel.show(report.byChannel());
            byCategory.show(report.byCategory());
            byUnit.show(report.byUnit());
            spikes.setItems(report.spikes());
            SpikeMethod m = report.method();
            method.setText(getTranslation("console.report.method", m.minCount(), m.weeks(),
                    String.valueOf(m.minBaselineMean()), String.valueOf(m.alpha())));
            shown = query;
        } catch (BackendProblem problem) {
            shown = null;
            ReportText.problem(problem);
        }
        downloads.refresh();
    }

    private void spikeColumns() {
        spikes.setId("report-spikes");
        spikes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        spikes.addColumn(c -> ReportText.time(c.bucketStart())).setHeader(getTranslation("console.report.col.hour"))
                .setAutoWidth(true);
        spikes.addColumn(c -> c.categoryCode() == null ? ReportText.NONE : categories.label(c.categoryCode()))
                .setHeader(getTranslation("console.report.col.category")).setFlexGrow(2);
        spikes.addColumn(c -> c.unitName() == null ? ReportText.NONE : c.unitName())
                .setHeader(getTranslation("console.report.col.unit")).setFlexGrow(1);
        spikes.addColumn(HotspotCell::count).setHeader(getTranslation("console.report.col.count"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        spikes.addColumn(c -> "%.1f".formatted(c.baselineMean()))
                .setHeader(getTranslation("console.report.col.baselineMean")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        spikes.addColumn(c -> "%.2g".formatted(c.pValue())).setHeader(getTranslation("console.report.col.pValue"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        spikes.setAllRowsVisible(true);
        spikes.setEmptyStateText(getTranslation("console.report.noSpikes"));
    }

    /** The ISO week of a Monday as the backend names it, e.g. {@code 2026-W47}. */
    static String isoWeek(LocalDate monday) {
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.report.menu.weekly") + " · " + getTranslation("console.title");
    }
}
