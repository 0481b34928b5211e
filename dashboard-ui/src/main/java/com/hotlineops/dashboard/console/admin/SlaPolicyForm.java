package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.contract.sla.SlaLimit;
import com.hotlineops.contract.sla.SlaPolicyEdit;
import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replaces one grade's SLA policy (DESIGN.md §2.3, decision 0022). The form checks what the backend would refuse
 * before anything is sent — each limit an amount and a unit, 1 to {@value #MAX_WORKING_DAYS} working days or 1 to
 * {@value #MAX_HOURS} hours, the sign-for limit no longer than the finish limit (a working day counted as 24 working
 * hours, as the backend compares them) — then asks for confirmation, because the edit moves the deadlines of open
 * tickets. A refusal is shown as the backend gave it and the form stays open.
 */
class SlaPolicyForm extends Dialog {

    /** The backend's bounds ({@code SlaPolicyService.MAX_WORKING_DAYS}, {@code MAX_HOURS}). */
    static final int MAX_WORKING_DAYS = 60;
    static final int MAX_HOURS = 24 * MAX_WORKING_DAYS;

    private final SlaPolicyView policy;
    final IntegerField signForAmount = new IntegerField();
    final Select<DurationUnit> signForUnit = new Select<>();
    final IntegerField finishAmount = new IntegerField();
    final Select<DurationUnit> finishUnit = new Select<>();

    SlaPolicyForm(SlaPolicyView policy, String gradeLabel, AdminBackend backend,
            Consumer<SlaPolicyEditResult> saved) {
        this.policy = policy;
        setId("sla-form");
        setHeaderTitle(getTranslation("console.admin.sla.form.title", gradeLabel));
        boolean revisit = revisit();

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        if (!revisit) {
            field(signForAmount, signForUnit, "sla-sign-for", policy.signFor(),
                    getTranslation("console.admin.sla.signFor"));
            form.add(signForAmount, signForUnit);
        }
        field(finishAmount, finishUnit, "sla-finish", policy.finish(), getTranslation(revisit
                ? "console.admin.sla.revisitLimit" : "console.admin.sla.finish"));
        form.add(finishAmount, finishUnit);
        Paragraph units = new Paragraph(getTranslation("console.admin.sla.unitsHint"));
        units.addClassName("admin-note");
        add(form, units, AdminText.explanation("sla-explain", getTranslation("console.admin.sla.explain")));

        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("sla-cancel");
        Button save = new Button(getTranslation("console.admin.save"), click -> read().ifPresent(edit -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("sla-confirm");
            confirm.setHeader(getTranslation("console.admin.sla.confirm.title", gradeLabel));
            confirm.setText(getTranslation("console.admin.sla.confirm.text", gradeLabel,
                    AdminText.limit(edit.signFor(), this::getTranslation),
                    AdminText.limit(edit.finish(), this::getTranslation)));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("console.admin.cancel"));
            confirm.setConfirmText(getTranslation("console.admin.sla.confirm.button"));
            confirm.addConfirmListener(event -> {
                try {
                    SlaPolicyEditResult answer = backend.replacePolicy(policy.grade(), edit);
                    close();
                    saved.accept(answer);
                } catch (BackendProblem problem) {
                    AdminText.problem(problem);
                }
            });
            confirm.open();
        }));
        save.setId("sla-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
        setWidth("36em");
    }

    private boolean revisit() {
        return "REVISIT".equals(policy.grade());
    }

    private void field(IntegerField amount, Select<DurationUnit> unit, String id, SlaLimit current, String label) {
        amount.setId(id + "-amount");
        amount.setLabel(label);
        amount.setMin(1);
        amount.setStepButtonsVisible(true);
        amount.setRequiredIndicatorVisible(true);
        unit.setId(id + "-unit");
        unit.setLabel(getTranslation("console.admin.sla.unit"));
        unit.setItems(DurationUnit.values());
        unit.setItemLabelGenerator(u -> AdminText.unit(u, this::getTranslation));
        unit.setRequiredIndicatorVisible(true);
        if (current != null) {
            amount.setValue(current.amount());
            unit.setValue(current.unit());
        }
    }

    /** The policy the fields describe, or empty with the wrong fields marked. */
    Optional<SlaPolicyEdit> read() {
        SlaLimit finish = limit(finishAmount, finishUnit);
        if (revisit()) {
            return finish == null ? Optional.empty() : Optional.of(new SlaPolicyEdit(null, finish));
        }
        SlaLimit signFor = limit(signForAmount, signForUnit);
        if (signFor == null || finish == null) {
            return Optional.empty();
        }
        if (hours(signFor) > hours(finish)) {
            signForAmount.setErrorMessage(getTranslation("console.admin.sla.error.signForLonger"));
            signForAmount.setInvalid(true);
            return Optional.empty();
        }
        return Optional.of(new SlaPolicyEdit(signFor, finish));
    }

    private SlaLimit limit(IntegerField amount, Select<DurationUnit> unit) {
        unit.setInvalid(unit.getValue() == null);
        unit.setErrorMessage(getTranslation("console.admin.sla.error.unit"));
        int max = unit.getValue() == DurationUnit.WORKING_DAYS ? MAX_WORKING_DAYS : MAX_HOURS;
        boolean amountOk = amount.getValue() != null && amount.getValue() >= 1 && amount.getValue() <= max;
        amount.setInvalid(!amountOk);
        amount.setErrorMessage(amountOk ? null : getTranslation("console.admin.sla.error.amount",
                String.valueOf(max), unit.getValue() == null ? "" : AdminText.unit(unit.getValue(),
                        this::getTranslation)));
        return amountOk && unit.getValue() != null ? new SlaLimit(amount.getValue(), unit.getValue()) : null;
    }

    /** A limit's nominal length in hours, as the backend compares them: a working day is 24 working hours. */
    private static long hours(SlaLimit limit) {
        return limit.unit() == DurationUnit.WORKING_DAYS ? 24L * limit.amount() : limit.amount();
    }
}
