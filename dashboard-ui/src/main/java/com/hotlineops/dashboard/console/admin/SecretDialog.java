package com.hotlineops.dashboard.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows what the backend answers once and never again — a partner's API key, its webhook secret (decision 0016: only a
 * hash of the key is stored) — with a copy button each and a warning that this is the only time. The secrets live only
 * in this dialog's fields: nothing else holds them, the dialog closes only by its button (not by Esc or a click
 * outside, which would lose them by accident), and closing it empties the fields before it leaves the page.
 */
class SecretDialog extends Dialog {

    /** One secret to show: its field's id, its label and its value. */
    record Secret(String id, String label, String value) {
    }

    private final List<TextField> fields = new ArrayList<>();

    /** @param note a further line (when the replaced key or secret stops working), or null */
    SecretDialog(String title, List<Secret> secrets, String note) {
        setId("partner-secrets");
        setHeaderTitle(title);
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setModal(true);

        Div warning = new Div(VaadinIcon.WARNING.create(),
                new Paragraph(getTranslation("console.admin.secrets.warning")));
        warning.setId("secrets-warning");
        warning.addClassNames("admin-warning", "admin-warning-row");
        add(warning);
        for (Secret secret : secrets) {
            TextField field = new TextField(secret.label());
            field.setId(secret.id());
            field.setValue(secret.value());
            field.setReadOnly(true);
            field.addClassName("admin-secret");
            field.setWidthFull();
            Button copy = new Button(getTranslation("console.admin.secrets.copy"), VaadinIcon.COPY.create());
            copy.setId(secret.id() + "-copy");
            Clipboard.onClick(copy).writeText(field);
            copy.addClickListener(click -> AdminText.done(getTranslation("console.admin.secrets.copied",
                    secret.label())));
            HorizontalLayout row = new HorizontalLayout(field, copy);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWidthFull();
            row.expand(field);
            add(row);
            fields.add(field);
        }
        if (note != null) {
            Paragraph expiry = new Paragraph(note);
            expiry.setId("secrets-note");
            expiry.addClassName("admin-note");
            add(expiry);
        }
        Button close = new Button(getTranslation("console.admin.secrets.close"), click -> close());
        close.setId("secrets-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                forget();
            }
        });
        setWidth("56em");
    }

    /** Empties every field, so no secret stays in the page's state once the dialog is closed. */
    private void forget() {
        fields.forEach(TextField::clear);
        fields.clear();
        removeAll();
    }
}
