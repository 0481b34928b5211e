package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.DayEdit;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.calendar.DaySource;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.TextStyle;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Sets one date working or off by hand, or undoes an earlier edit (DESIGN.md §2.3: calendars are editable; a change
 * recomputes the deadlines of open tickets). What the form can check it checks before anything is sent (working or
 * off chosen, a name of at most {@value #NAME_MAX} characters); then it asks for confirmation, because the change
 * moves deadlines. A refusal is shown as the backend gave it and the form stays open.
 */
class DayEditDialog extends Dialog {

    /** The backend's limit on a date's name. */
    static final int NAME_MAX = 50;

    private final CalendarDay day;
    private final AdminBackend backend;
    private final BiConsumer<DayEditResult, Boolean> done;
    final RadioButtonGroup<Boolean> working = new RadioButtonGroup<>();
    final TextField name = new TextField();

    /** @param done called with the backend's answer and whether it was an undo, after this dialog closed */
    DayEditDialog(CalendarDay day, AdminBackend backend, BiConsumer<DayEditResult, Boolean> done) {
        this.day = day;
        this.backend = backend;
        this.done = done;
        setId("calendar-day-dialog");
        setHeaderTitle(getTranslation("console.admin.calendar.dialog.title", day.date().toString(),
                day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, getLocale())));

        Paragraph now = new Paragraph(getTranslation("console.admin.calendar.dialog.now",
                getTranslation(day.working() ? "console.admin.calendar.working" : "console.admin.calendar.off"),
                getTranslation("console.admin.calendar.source." + day.source().name()),
                day.name() == null ? AdminText.NONE : day.name()));
        now.setId("calendar-day-now");

        working.setId("calendar-day-working");
        working.setLabel(getTranslation("console.admin.calendar.dialog.setTo"));
        working.setItems(true, false);
        working.setItemLabelGenerator(w -> getTranslation(w ? "console.admin.calendar.dialog.working"
                : "console.admin.calendar.dialog.off"));
        working.setValue(day.working());
        working.setRequired(true);
        name.setId("calendar-day-name");
        name.setLabel(getTranslation("console.admin.calendar.dialog.name"));
        name.setPlaceholder(getTranslation("console.admin.calendar.dialog.namePlaceholder"));
        name.setMaxLength(NAME_MAX);
        name.setValue(day.name() == null ? "" : day.name());
        name.setWidthFull();

        add(now, working, name, AdminText.explanation("calendar-day-explain",
                getTranslation("console.admin.calendar.dialog.explain")));

        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("calendar-day-cancel");
        Button save = new Button(getTranslation("console.admin.calendar.dialog.save"), click -> read()
                .ifPresent(this::confirmEdit));
        save.setId("calendar-day-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (day.source() == DaySource.EDITED) {
            Button revert = new Button(getTranslation("console.admin.calendar.dialog.revert"),
                    click -> confirmRevert());
            revert.setId("calendar-day-revert");
            revert.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(AdminText.explanation("calendar-day-revert-explain",
                    getTranslation("console.admin.calendar.dialog.revertExplain")));
            getFooter().add(revert);
        }
        getFooter().add(cancel, save);
        setWidth("34em");
    }

    /** The edit the fields describe, or empty with the wrong field marked. */
    Optional<DayEdit> read() {
        working.setInvalid(working.getValue() == null);
        working.setErrorMessage(getTranslation("console.admin.calendar.error.working"));
        String label = name.getValue().strip();
        boolean nameOk = label.length() <= NAME_MAX;
        name.setInvalid(!nameOk);
        name.setErrorMessage(nameOk ? null
                : getTranslation("console.admin.calendar.error.name", String.valueOf(NAME_MAX)));
        if (working.getValue() == null || !nameOk) {
            return Optional.empty();
        }
        return Optional.of(new DayEdit(working.getValue(), label.isEmpty() ? null : label));
    }

    private void confirmEdit(DayEdit edit) {
        String setting = getTranslation(edit.working() ? "console.admin.calendar.working"
                : "console.admin.calendar.off");
        if (edit.name() != null) {
            setting = getTranslation("console.admin.calendar.named", setting, edit.name());
        }
        confirm("calendar-day-confirm", getTranslation("console.admin.calendar.confirm.title"),
                getTranslation("console.admin.calendar.confirm.text", day.date().toString(), setting),
                getTranslation("console.admin.calendar.confirm.button"),
                () -> backend.editDay(day.date(), edit), false);
    }

    private void confirmRevert() {
        confirm("calendar-day-revert-confirm", getTranslation("console.admin.calendar.revert.title"),
                getTranslation("console.admin.calendar.revert.text", day.date().toString()),
                getTranslation("console.admin.calendar.dialog.revert"), () -> backend.revertDay(day.date()), true);
    }

    private void confirm(String id, String header, String text, String button, Supplier<DayEditResult> call,
            boolean undo) {
        AdminText.confirm(id, header, text, button, undo, this::getTranslation, () -> {
            DayEditResult answer = call.get();
            close();
            done.accept(answer, undo);
        });
    }
}
