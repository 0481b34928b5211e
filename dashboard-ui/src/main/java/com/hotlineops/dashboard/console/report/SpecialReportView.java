package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.TicketLine;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.console.ticket.Categories;
import com.hotlineops.dashboard.console.ticket.TicketDetailView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The special report (专报, DESIGN.md §2.8) on one topic: the tickets of the chosen days whose title or content contains
 * the keyword, counted by category, unit and day, and listed newest first (the backend lists at most 200 and counts
 * all). Nothing is asked until a keyword is given; the last 30 days unless other days are picked.
 */
@Route(value = "reports/special", layout = ConsoleLayout.class)
@Menu(order = 62, title = "console.report.menu.special")
@RolesAllowed({"SUPERVISOR", "DIRECTOR", "ADMIN"})
@StyleSheet("styles/report.css")
public class SpecialReportView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_DAYS = 30;

    private final ReportsBackend backend;
    private final Categories categories;
    private final TextField keyword = new TextField();
    private final DayRange range;
    private final ReportDownloads downloads;
    private volatile ReportQuery.Special shown;

    private final Span summary = new Span();
    private final Span matched = new Span();
    private final Span closed = new Span();
    private final CountGrid byCategory;
    private final CountGrid byUnit;
    private final CountGrid byDay;
    private final Grid<TicketLine> tickets = new Grid<>();

    public SpecialReportView(ReportsBackend backend, Categories categories, Clock clock) {
        this.backend = backend;
        this.categories = categories;
        this.downloads = new ReportDownloads(backend, () -> shown);
        setId("report-special");
        addClassName("report");
        LocalDate today = LocalDate.now(clock.withZone(ReportText.ZONE));
        range = new DayRange("report-range", today.minusDays(DEFAULT_DAYS - 1L), today, this::getTranslation);

        keyword.setId("report-keyword");
        keyword.setLabel(getTranslation("console.report.keyword"));
        keyword.setPlaceholder(getTranslation("console.report.keyword.placeholder"));
        keyword.setMaxLength(ReportQuery.Special.MAX_KEYWORD);
        keyword.setClearButtonVisible(true);
        Button generate = new Button(getTranslation("console.report.generate"), click -> show());
        generate.setId("report-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickShortcut(Key.ENTER);

        summary.setId("report-summary");
        summary.addClassName("report-note");
        summary.setText(getTranslation("console.report.special.hint"));
        Div figures = new Div(
                ReportText.figure(getTranslation("console.report.matched"), matched, "report-matched"),
                ReportText.figure(getTranslation("console.report.closed"), closed, "report-closed"));
        figures.addClassName("report-figures");
        String count = getTranslation("console.report.col.count");
        String share = getTranslation("console.report.col.share");
        byCategory = new CountGrid("report-by-category", getTranslation("console.report.col.category"), count, share,
                getLocale());
        byUnit = new CountGrid("report-by-unit", getTranslation("console.report.col.unit"), count, share, getLocale());
        byDay = new CountGrid("report-by-day", getTranslation("console.report.col.day"), count, share, getLocale());
        ticketColumns();

        List<Component> controls = new ArrayList<>();
        controls.add(keyword);
        controls.addAll(range.fields());
        controls.add(generate);
        controls.add(downloads.link("report-pdf", "PDF", ReportFile.PDF));
        controls.add(downloads.link("report-xlsx", "XLSX", ReportFile.XLSX));
        Div breakdowns = new Div(
                ReportSection.of(getTranslation("console.report.byCategory"),
                        downloads.link("report-csv-categories", "CSV", ReportFile.csv("categories")), byCategory),
                ReportSection.of(getTranslation("console.report.byUnit"),
                        downloads.link("report-csv-units", "CSV", ReportFile.csv("units")), byUnit),
                ReportSection.of(getTranslation("console.report.byDay"),
                        downloads.link("report-csv-days", "CSV", ReportFile.csv("days")), byDay));
        breakdowns.addClassName("report-breakdowns");
        add(new H2(getTranslation("console.report.menu.special")),
                ReportSection.controls(controls.toArray(Component[]::new)), summary, figures, breakdowns,
                ReportSection.of(getTranslation("console.report.special.tickets"),
                        downloads.link("report-csv-tickets", "CSV", ReportFile.csv("tickets")), tickets));
    }

    private void show() {
        Optional<ReportQuery.Days> days = range.days();
        keyword.setInvalid(false);
        if (keyword.getValue().isBlank()) {
            keyword.setErrorMessage(getTranslation("console.report.keyword.required"));
            keyword.setInvalid(true);
            return;
        }
        if (days.isEmpty()) {
            return;
        }
        ReportQuery.Special query = new ReportQuery.Special(keyword.getValue(), days.get());
        try {
            SpecialReport report = backend.special(query);
            summary.setText(getTranslation("console.report.special.summary", report.keyword(),
                    ReportText.time(report.from()), ReportText.time(report.to()), report.tickets().size(),
                    report.matched()));
            matched.setText(ReportText.count(report.matched(), getLocale()));
            closed.setText(ReportText.count(report.closed(), getLocale()));
            byCategory.show(report.byCategory());
            byUnit.show(report.byUnit());
            byDay.show(report.byDay());
            tickets.setItems(report.tickets());
            shown = query;
        } catch (BackendProblem problem) {
            shown = null;
            ReportText.problem(problem);
        }
        downloads.refresh();
    }

    private void ticketColumns() {
        tickets.setId("report-tickets");
        tickets.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tickets.addComponentColumn(t -> new RouterLink(t.number(), TicketDetailView.class,
                        new RouteParameters("id", t.id().toString())))
                .setHeader(getTranslation("console.report.col.number")).setAutoWidth(true);
        tickets.addColumn(t -> ReportText.time(t.createdAt())).setHeader(getTranslation("console.report.col.created"))
                .setAutoWidth(true);
        tickets.addColumn(TicketLine::title).setHeader(getTranslation("console.report.col.title")).setFlexGrow(3);
        tickets.addColumn(t -> t.categoryCode() == null ? ReportText.NONE : categories.label(t.categoryCode()))
                .setHeader(getTranslation("console.report.col.category")).setFlexGrow(2);
        tickets.addColumn(t -> t.unitName() == null ? ReportText.NONE : t.unitName())
                .setHeader(getTranslation("console.report.col.unit")).setFlexGrow(1);
        tickets.addColumn(t -> getTranslation("console.enum.status." + t.status().name()))
                .setHeader(getTranslation("console.report.col.status")).setAutoWidth(true);
        tickets.setHeight("45vh");
        tickets.setEmptyStateText(ReportText.NONE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.report.menu.special") + " · " + getTranslation("console.title");
    }
}
