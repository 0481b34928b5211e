package com.hotlineops.dashboard.console.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Two date pickers for a report's days, both ends included, as a reader thinks of "1 to 26 November". Days after
 * today cannot be picked (a report of the future counts nothing); the range is checked before anything is asked.
 */
final class DayRange {

    private final DatePicker first = new DatePicker();
    private final DatePicker last = new DatePicker();
    private final ReportText.Translator t;

    DayRange(String idPrefix, LocalDate firstDay, LocalDate today, ReportText.Translator t) {
        this.t = t;
        first.setId(idPrefix + "-from");
        first.setLabel(t.get("console.report.from"));
        first.setValue(firstDay);
        first.setMax(today);
        last.setId(idPrefix + "-to");
        last.setLabel(t.get("console.report.to"));
        last.setValue(today);
        last.setMax(today);
        first.addValueChangeListener(change -> last.setMin(change.getValue()));
    }

    List<Component> fields() {
        return List.of(first, last);
    }

    void onChange(Runnable listener) {
        first.addValueChangeListener(change -> listener.run());
        last.addValueChangeListener(change -> listener.run());
    }

    /** The days picked, or empty with the pickers marked invalid and saying why. */
    Optional<ReportQuery.Days> days() {
        first.setInvalid(false);
        last.setInvalid(false);
        if (first.getValue() == null || last.getValue() == null) {
            (first.getValue() == null ? first : last).setErrorMessage(t.get("console.report.range.required"));
            (first.getValue() == null ? first : last).setInvalid(true);
            return Optional.empty();
        }
        try {
            return Optional.of(new ReportQuery.Days(first.getValue(), last.getValue()));
        } catch (IllegalArgumentException e) {
            last.setErrorMessage(last.getValue().isBefore(first.getValue())
                    ? t.get("console.report.range.reversed")
                    : t.get("console.report.range.tooLong", ReportQuery.MAX_DAYS));
            last.setInvalid(true);
            return Optional.empty();
        }
    }
}
