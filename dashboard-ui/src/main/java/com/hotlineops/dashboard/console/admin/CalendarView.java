package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.CalendarYear;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.calendar.DaySource;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The working-day calendar (工作日历, DESIGN.md §2.3, decision 0006). Which years have the State Council's official list
 * and which run on the Monday–Friday fallback — a fallback year from this one on is a warning at the top, as §2.3
 * asks ("the system says so"), because until its list is loaded, holidays in it count as working days. Below, one
 * month at a time: each date working or off, the holiday's name, and whether it comes from the official list, the
 * fallback or an administrator's edit. A date can be set by hand or its edit undone; both move the deadlines of open
 * tickets, so each is confirmed first and the answer says how many tickets moved.
 */
@Route(value = "admin/calendar", layout = ConsoleLayout.class)
@Menu(order = 70, title = "console.admin.menu.calendar")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class CalendarView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The dates the backend accepts (its {@code CalendarService.validateDate}). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final AdminBackend backend;
    private final int thisYear;
    private YearMonth shown;
    /** True while {@link #show} sets the pickers to the month it shows, which is no pick of the user's. */
    private boolean showing;

    private final Div warnings = new Div();
    private final Grid<CalendarYear> years = new Grid<>();
    private final IntegerField year = new IntegerField();
    private final Select<Integer> month = new Select<>();
    private final Span monthSource = new Span();
    private final Div days = new Div();
    private final Paragraph result = new Paragraph();

    public CalendarView(AdminBackend backend, Clock clock) {
        this.backend = backend;
        setId("admin-calendar");
        addClassName("admin");
        LocalDate today = LocalDate.now(clock.withZone(AdminText.ZONE));
        thisYear = today.getYear();
        shown = YearMonth.from(today);

        warnings.setId("calendar-fallback-warning");
        warnings.addClassName("admin-warning");
        warnings.setVisible(false);

        years.setId("calendar-years");
        years.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        years.addColumn(CalendarYear::year).setHeader(getTranslation("console.admin.calendar.col.year"))
                .setAutoWidth(true).setFlexGrow(0);
        years.addColumn(y -> getTranslation("console.admin.calendar.year." + y.source().name()))
                .setHeader(getTranslation("console.admin.calendar.col.source")).setFlexGrow(1);
        years.addColumn(CalendarYear::listedDays).setHeader(getTranslation("console.admin.calendar.col.listed"))
                .setWidth("6em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        years.addColumn(CalendarYear::editedDays).setHeader(getTranslation("console.admin.calendar.col.edited"))
                .setWidth("6em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        years.setPartNameGenerator(y -> y.source() == DaySource.FALLBACK ? "admin-fallback" : null);
        years.addItemClickListener(click -> show(YearMonth.of(click.getItem().year(),
                click.getItem().year() == thisYear ? today.getMonthValue() : 1)));
        years.setAllRowsVisible(true);
        years.setWidth("32rem");

        year.setId("calendar-year");
        year.setLabel(getTranslation("console.admin.calendar.year"));
        year.setMin(FIRST_YEAR);
        year.setMax(LAST_YEAR);
        year.setStepButtonsVisible(true);
        year.setWidth("9em");
        year.addValueChangeListener(change -> {
            if (!showing) {
                monthPicked();
            }
        });
        month.setId("calendar-month");
        month.setLabel(getTranslation("console.admin.calendar.month"));
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> Month.of(m).getDisplayName(TextStyle.FULL, getLocale()));
        month.setWidth("8em");
        month.addValueChangeListener(change -> {
            if (!showing) {
                monthPicked();
            }
        });
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> show(shown.minusMonths(1)));
        previous.setId("calendar-prev");
        previous.setAriaLabel(getTranslation("console.admin.calendar.previous"));
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> show(shown.plusMonths(1)));
        next.setId("calendar-next");
        next.setAriaLabel(getTranslation("console.admin.calendar.next"));
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout controls = new HorizontalLayout(previous, year, month, next, monthSource);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        monthSource.setId("calendar-month-source");
        monthSource.addClassName("admin-note");

        days.setId("calendar-month-grid");
        days.addClassName("admin-month");
        result.setId("calendar-result");
        result.addClassName("admin-result");
        result.setVisible(false);

        Div legend = new Div(legend("admin-day-working", "console.admin.calendar.legend.working"),
                legend("admin-day-off", "console.admin.calendar.legend.off"),
                legend("admin-day-edited", "console.admin.calendar.legend.edited"),
                legend("admin-day-fallback", "console.admin.calendar.legend.fallback"));
        legend.addClassName("admin-legend");

        Paragraph yearsHint = new Paragraph(getTranslation("console.admin.calendar.years.hint"));
        yearsHint.addClassName("admin-note");
        VerticalLayout yearsColumn = new VerticalLayout(new H3(getTranslation("console.admin.calendar.years")), years,
                yearsHint);
        yearsColumn.setPadding(false);
        yearsColumn.setWidth(null);
        VerticalLayout monthColumn = new VerticalLayout(new H3(getTranslation("console.admin.calendar.monthView")),
                controls, days, legend, result);
        monthColumn.setPadding(false);
        monthColumn.setWidth(null);
        monthColumn.addClassName("admin-month-column");
        HorizontalLayout body = new HorizontalLayout(yearsColumn, monthColumn);
        body.setWidthFull();
        body.setWrap(true);
        body.addClassName("admin-calendar-body");
        add(new H2(getTranslation("console.admin.menu.calendar")), warnings, body);
    }

    private Span legend(String className, String key) {
        Span swatch = new Span();
        swatch.addClassNames("admin-legend-swatch", className);
        Span item = new Span(swatch, new Span(getTranslation(key)));
        item.addClassName("admin-legend-item");
        return item;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        loadYears();
        show(shown);
    }

    private void loadYears() {
        try {
            List<CalendarYear> all = backend.years();
            years.setItems(all);
            warnings.removeAll();
            all.stream().filter(y -> y.source() == DaySource.FALLBACK && y.year() >= thisYear).forEach(y -> {
                Paragraph warning = new Paragraph(getTranslation("console.admin.calendar.fallbackWarning",
                        String.valueOf(y.year())));
                warning.setId("calendar-fallback-" + y.year());
                warnings.add(warning);
            });
            warnings.setVisible(warnings.getComponentCount() > 0);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    /** The year and month typed or picked; a year the backend would refuse is marked instead of asked. */
    private void monthPicked() {
        Integer y = year.getValue();
        boolean valid = y != null && y >= FIRST_YEAR && y <= LAST_YEAR && month.getValue() != null;
        year.setInvalid(!valid);
        year.setErrorMessage(valid ? null
                : getTranslation("console.admin.calendar.error.year", String.valueOf(FIRST_YEAR),
                        String.valueOf(LAST_YEAR)));
        if (valid) {
            show(YearMonth.of(y, month.getValue()));
        }
    }

    private void show(YearMonth target) {
        if (target.getYear() < FIRST_YEAR || target.getYear() > LAST_YEAR) {
            return;
        }
        try {
            List<CalendarDay> list = backend.days(target.atDay(1), target.atEndOfMonth());
            shown = target;
            showing = true;
            try {
                year.setValue(target.getYear());
                year.setInvalid(false);
                month.setValue(target.getMonthValue());
            } finally {
                showing = false;
            }
            render(list);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    private void render(List<CalendarDay> list) {
        days.removeAll();
        for (DayOfWeek d : DayOfWeek.values()) {
            Span head = new Span(d.getDisplayName(TextStyle.SHORT, getLocale()));
            head.addClassName("admin-month-head");
            days.add(head);
        }
        if (!list.isEmpty()) {
            for (int blank = 1; blank < list.getFirst().date().getDayOfWeek().getValue(); blank++) {
                Span empty = new Span();
                empty.addClassName("admin-month-blank");
                days.add(empty);
            }
        }
        list.forEach(day -> days.add(cell(day)));
        boolean fallback = list.stream().anyMatch(d -> d.source() == DaySource.FALLBACK);
        monthSource.setText(fallback
                ? getTranslation("console.admin.calendar.monthFallback", String.valueOf(shown.getYear()))
                : "");
        monthSource.setClassName("admin-warning-inline", fallback);
    }

    private NativeButton cell(CalendarDay day) {
        NativeButton cell = new NativeButton();
        cell.setId("calendar-day-" + day.date());
        cell.addClassNames("admin-day", day.working() ? "admin-day-working" : "admin-day-off");
        if (day.source() == DaySource.EDITED) {
            cell.addClassName("admin-day-edited");
        } else if (day.source() == DaySource.FALLBACK) {
            cell.addClassName("admin-day-fallback");
        }
        Span number = new Span(String.valueOf(day.date().getDayOfMonth()));
        number.addClassName("admin-day-number");
        Span mark = new Span(markOf(day));
        mark.addClassName("admin-day-mark");
        Span name = new Span(day.name() == null ? "" : day.name());
        name.addClassName("admin-day-name");
        Span source = new Span(day.source() == DaySource.EDITED
                ? getTranslation("console.admin.calendar.source.short.EDITED") : "");
        source.addClassName("admin-day-source");
        cell.add(number, mark, name, source);
        cell.setTitle(day.date() + " " + state(day));
        cell.addClickListener(click -> new DayEditDialog(day, backend, this::edited).open());
        return cell;
    }

    /** 休 on a day off, 班 on a working Saturday or Sunday (调休上班); nothing on an ordinary weekday. */
    private String markOf(CalendarDay day) {
        boolean weekend = day.date().getDayOfWeek().getValue() >= 6;
        if (!day.working()) {
            return getTranslation("console.admin.calendar.mark.off");
        }
        return weekend ? getTranslation("console.admin.calendar.mark.makeUp") : "";
    }

    /** "工作日 · 春节 · 官方安排": whether the date is working, its name, where that comes from. */
    private String state(CalendarDay day) {
        return getTranslation(day.working() ? "console.admin.calendar.working" : "console.admin.calendar.off")
                + (day.name() == null ? "" : " · " + day.name()) + " · "
                + getTranslation("console.admin.calendar.source." + day.source().name());
    }

    private void edited(DayEditResult answer, boolean undone) {
        CalendarDay day = answer.day();
        String text = getTranslation(undone ? "console.admin.calendar.reverted" : "console.admin.calendar.edited",
                day.date().toString(), state(day), answer.ticketsMoved());
        result.setText(text);
        result.setVisible(true);
        AdminText.done(text);
        loadYears();
        show(shown);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.admin.menu.calendar") + " · " + getTranslation("console.title");
    }
}
