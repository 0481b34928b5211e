package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Create or edit one director's shift (DESIGN.md §2.7). The form checks what it can before asking the backend
 * (director required, start and end required, end after start and at most 24 h later, seat at most 20 characters);
 * what only the backend knows (an overlap with the director's other shifts) comes back as its problem, shown as is,
 * and the form stays open with what was typed.
 */
class ShiftForm extends Dialog {

    static final Duration MAX_SHIFT = Duration.ofHours(24);
    static final int SEAT_MAX = 20;

    final ComboBox<SupervisorBackend.Director> director = new ComboBox<>();
    final ComboBox<SupervisorBackend.Unit> unit = new ComboBox<>();
    final DateTimePicker start = new DateTimePicker();
    final DateTimePicker end = new DateTimePicker();
    final TextField seat = new TextField();
    final Button save = new Button();

    ShiftForm(Shift editing, List<SupervisorBackend.Director> directors, List<SupervisorBackend.Unit> units,
            LocalDateTime suggestedStart, Function<ShiftRequest, Shift> backend, Consumer<Shift> saved) {
        setId("shift-form");
        setHeaderTitle(getTranslation(editing == null ? "console.supervisor.shifts.new" : "console.supervisor.shifts.edit"));

        director.setId("shift-director");
        director.setLabel(getTranslation("console.supervisor.shifts.director"));
        director.setItems(directors);
        director.setItemLabelGenerator(SupervisorBackend.Director::name);
        director.setRequired(true);
        unit.setId("shift-unit");
        unit.setLabel(getTranslation("console.supervisor.shifts.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(SupervisorBackend.Unit::name);
        unit.setClearButtonVisible(true);
        start.setId("shift-start");
        start.setLabel(getTranslation("console.supervisor.shifts.start"));
        start.setRequiredIndicatorVisible(true);
        end.setId("shift-end");
        end.setLabel(getTranslation("console.supervisor.shifts.end"));
        end.setRequiredIndicatorVisible(true);
        seat.setId("shift-seat");
        seat.setLabel(getTranslation("console.supervisor.shifts.seat"));
        seat.setMaxLength(SEAT_MAX);

        if (editing != null) {
            directors.stream().filter(d -> d.id().equals(editing.directorId())).findFirst().ifPresent(director::setValue);
            units.stream().filter(u -> u.id().equals(editing.unitId())).findFirst().ifPresent(unit::setValue);
            start.setValue(LocalDateTime.ofInstant(editing.startsAt(), SupervisorText.ZONE));
            end.setValue(LocalDateTime.ofInstant(editing.endsAt(), SupervisorText.ZONE));
            seat.setValue(editing.seat() == null ? "" : editing.seat());
        } else {
            start.setValue(suggestedStart);
            end.setValue(suggestedStart.plusHours(4));
        }

        FormLayout form = new FormLayout(director, unit, start, end, seat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);

        save.setText(getTranslation("console.supervisor.save"));
        save.setId("shift-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> read().ifPresent(request -> {
            try {
                Shift result = backend.apply(request);
                close();
                saved.accept(result);
            } catch (BackendProblem problem) {
                SupervisorText.problem(problem);
            }
        }));
        Button cancel = new Button(getTranslation("console.supervisor.cancel"), click -> close());
        cancel.setId("shift-cancel");
        getFooter().add(cancel, save);
        setWidth("40em");
    }

    /** The request the fields describe, or empty with the wrong fields marked. */
    Optional<ShiftRequest> read() {
        boolean ok = true;
        director.setInvalid(director.getValue() == null);
        director.setErrorMessage(getTranslation("console.supervisor.shifts.error.director"));
        ok &= director.getValue() != null;
        start.setInvalid(start.getValue() == null);
        start.setErrorMessage(getTranslation("console.supervisor.shifts.error.start"));
        ok &= start.getValue() != null;
        String endError = null;
        if (end.getValue() == null) {
            endError = "console.supervisor.shifts.error.end";
        } else if (start.getValue() != null && !end.getValue().isAfter(start.getValue())) {
            endError = "console.supervisor.shifts.error.endBeforeStart";
        } else if (start.getValue() != null && Duration.between(instant(start.getValue()), instant(end.getValue()))
                .compareTo(MAX_SHIFT) > 0) {
            endError = "console.supervisor.shifts.error.tooLong";
        }
        end.setInvalid(endError != null);
        end.setErrorMessage(endError == null ? null : getTranslation(endError));
        ok &= endError == null;
        boolean seatOk = seat.getValue().strip().length() <= SEAT_MAX;
        seat.setInvalid(!seatOk);
        seat.setErrorMessage(getTranslation("console.supervisor.shifts.error.seat", SEAT_MAX));
        ok &= seatOk;
        if (!ok) {
            return Optional.empty();
        }
        String seatValue = seat.getValue().strip();
        return Optional.of(new ShiftRequest(director.getValue().id(), unit.getValue() == null ? null : unit.getValue().id(),
                instant(start.getValue()), instant(end.getValue()), seatValue.isEmpty() ? null : seatValue));
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(SupervisorText.ZONE).toInstant();
    }
}
