package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directors' shift schedule (领导接听排班, DESIGN.md §2.7): the shifts of a date range (Asia/Shanghai days, at most
 * {@value #MAX_DAYS} as the backend allows), created, edited and removed here; the backend refuses overlaps and its
 * refusal is shown.
 */
@Route(value = "supervisor/shifts", layout = ConsoleLayout.class)
@Menu(order = 53, title = "console.supervisor.menu.shifts")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
@StyleSheet("styles/supervisor.css")
public class ShiftScheduleView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int MAX_DAYS = 31;
    static final int DEFAULT_DAYS = 7;

    private final SupervisorBackend backend;
    private final Clock clock;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Shift> grid = new Grid<>();
    private List<SupervisorBackend.Director> directors = List.of();
    private List<SupervisorBackend.Unit> units = List.of();
    private Map<UUID, String> unitNames = Map.of();

    public ShiftScheduleView(SupervisorBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        setId("supervisor-shifts");
        setSizeFull();

        LocalDate today = LocalDate.now(clock.withZone(SupervisorText.ZONE));
        from.setId("shifts-from");
        from.setLabel(getTranslation("console.supervisor.shifts.from"));
        from.setValue(today);
        to.setId("shifts-to");
        to.setLabel(getTranslation("console.supervisor.shifts.to"));
        to.setValue(today.plusDays(DEFAULT_DAYS - 1));
        from.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                load();
            }
        });
        to.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                load();
            }
        });
        Button create = new Button(getTranslation("console.supervisor.shifts.new"), click -> openForm(null));
        create.setId("shifts-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("shifts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Shift::directorName).setHeader(getTranslation("console.supervisor.shifts.director"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.unitId() == null ? "—" : unitNames.getOrDefault(s.unitId(), "—"))
                .setHeader(getTranslation("console.supervisor.shifts.unit")).setAutoWidth(true);
        grid.addColumn(s -> SupervisorText.fullTime(s.startsAt()))
                .setHeader(getTranslation("console.supervisor.shifts.start")).setAutoWidth(true);
        grid.addColumn(s -> SupervisorText.fullTime(s.endsAt()))
                .setHeader(getTranslation("console.supervisor.shifts.end")).setAutoWidth(true);
        grid.addColumn(s -> s.seat() == null ? "—" : s.seat())
                .setHeader(getTranslation("console.supervisor.shifts.seat")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("console.supervisor.shifts.empty"));

        HorizontalLayout bar = new HorizontalLayout(from, to, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("console.supervisor.menu.shifts")), bar, grid);
    }

    private HorizontalLayout actions(Shift shift) {
        Button edit = new Button(getTranslation("console.supervisor.shifts.editAction"), click -> openForm(shift));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setId("shift-edit-" + shift.id());
        Button delete = new Button(getTranslation("console.supervisor.shifts.delete"), click -> confirmDelete(shift));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.setId("shift-delete-" + shift.id());
        return new HorizontalLayout(edit, delete);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            directors = backend.directors();
            units = backend.units().stream().filter(SupervisorBackend.Unit::receivesDispatch).toList();
            unitNames = units.stream().collect(Collectors.toMap(SupervisorBackend.Unit::id,
                    SupervisorBackend.Unit::name));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
        load();
    }

    /** The shifts overlapping the chosen days; a range the backend would refuse is marked instead of asked. */
    void load() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        boolean valid = first != null && last != null && !last.isBefore(first)
                && ChronoUnit.DAYS.between(first, last) < MAX_DAYS;
        to.setInvalid(!valid);
        to.setErrorMessage(valid ? null : getTranslation("console.supervisor.shifts.error.range", MAX_DAYS));
        if (!valid) {
            return;
        }
        try {
            grid.setItems(backend.shifts(first.atStartOfDay(SupervisorText.ZONE).toInstant(),
                    last.plusDays(1).atStartOfDay(SupervisorText.ZONE).toInstant()));
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
    }

    private void openForm(Shift editing) {
        LocalDateTime nextHour = LocalDateTime.now(clock.withZone(SupervisorText.ZONE)).truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        Function<ShiftRequest, Shift> send = editing == null ? backend::createShift
                : request -> backend.replaceShift(editing.id(), request);
        new ShiftForm(editing, directors, units, nextHour, send, saved -> {
            SupervisorText.done(getTranslation("console.supervisor.shifts.saved", saved.directorName()));
            load();
        }).open();
    }

    private void confirmDelete(Shift shift) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("shift-delete-confirm");
        confirm.setHeader(getTranslation("console.supervisor.shifts.deleteTitle"));
        confirm.setText(getTranslation("console.supervisor.shifts.deleteText", shift.directorName(),
                SupervisorText.fullTime(shift.startsAt())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("console.supervisor.cancel"));
        confirm.setConfirmText(getTranslation("console.supervisor.shifts.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                backend.deleteShift(shift.id());
                load();
            } catch (BackendProblem problem) {
                SupervisorText.problem(problem);
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.supervisor.menu.shifts") + " · " + getTranslation("console.title");
    }
}
