package com.hotlineops.dashboard.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.function.IntPredicate;

/**
 * Asks for the grace period of a rotation (an API key's or a webhook secret's, docs/partners.md §8): for how many
 * minutes what it replaces keeps working, 0 to {@value #MAX_GRACE_MINUTES} (30 days), a day unless changed, 0 ending it
 * at once. Says what the rotation does before it is confirmed; a value out of range is marked and nothing is sent.
 * The dialog closes once the rotation went through, and stays open with its value after a refusal.
 */
class RotationDialog extends Dialog {

    /** The backend's bounds ({@code PartnerDirectory}). */
    static final int DEFAULT_GRACE_MINUTES = 24 * 60;
    static final int MAX_GRACE_MINUTES = 30 * 24 * 60;

    final IntegerField grace = new IntegerField();

    RotationDialog(String title, String explanation, String confirmText, IntPredicate rotate) {
        setId("rotate-dialog");
        setHeaderTitle(title);
        grace.setId("rotate-grace");
        grace.setLabel(getTranslation("console.admin.partners.grace"));
        grace.setHelperText(getTranslation("console.admin.partners.grace.help"));
        grace.setMin(0);
        grace.setMax(MAX_GRACE_MINUTES);
        grace.setValue(DEFAULT_GRACE_MINUTES);
        grace.setStepButtonsVisible(true);
        grace.setWidth("16em");
        add(AdminText.explanation("rotate-explain", explanation), grace);

        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("rotate-cancel");
        Button confirm = new Button(confirmText, click -> {
            Integer minutes = grace.getValue();
            boolean ok = minutes != null && minutes >= 0 && minutes <= MAX_GRACE_MINUTES;
            grace.setInvalid(!ok);
            grace.setErrorMessage(ok ? null : getTranslation("console.admin.partners.error.grace",
                    String.valueOf(MAX_GRACE_MINUTES)));
            if (ok && rotate.test(minutes)) {
                close();
            }
        });
        confirm.setId("rotate-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, confirm);
        setWidth("36em");
    }
}
