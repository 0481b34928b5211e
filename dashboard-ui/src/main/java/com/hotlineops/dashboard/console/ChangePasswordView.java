package com.hotlineops.dashboard.console;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.dashboard.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * 修改密码 / Change password (decision 0036), for every signed-in console user, from the user bar; the only page a user
 * whose password an administrator set may open until they changed it ({@link PasswordChangeGuard}). The rules are
 * checked before anything is sent, the backend checks again; its answer is the session's new token pair, so the user
 * stays signed in here while their other sessions end. The fields are emptied whatever the outcome.
 */
@Route(value = ChangePasswordView.ROUTE, layout = ConsoleLayout.class)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "account/password";
    static final String PATH = "/api/v1/auth/password";

    private final CurrentUser currentUser;
    private final BackendApi backend;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Paragraph error = new Paragraph();

    public ChangePasswordView(CurrentUser currentUser, BackendApi backend) {
        this.currentUser = currentUser;
        this.backend = backend;
        setId("password-view");
        setMaxWidth("32em");
        add(new H2(getTranslation("console.password.title")));
        if (currentUser.require().credentials().passwordChangeRequired()) {
            Paragraph required = new Paragraph(getTranslation("console.password.required"));
            required.setId("password-required");
            required.getStyle().set("color", "var(--lumo-error-text-color)");
            add(required);
        }
        current.setId("password-current");
        current.setLabel(getTranslation("console.password.current"));
        next.setId("password-new");
        next.setLabel(getTranslation("console.password.new"));
        next.setHelperText(getTranslation("console.password.help"));
        repeat.setId("password-repeat");
        repeat.setLabel(getTranslation("console.password.repeat"));
        for (PasswordField field : new PasswordField[] {current, next, repeat}) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
        }
        error.setId("password-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button save = new Button(getTranslation("console.password.save"), click -> save());
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, next, repeat, error, save);
    }

    private void save() {
        String problem = problem();
        if (problem != null) {
            show(getTranslation(problem));
            return;
        }
        PasswordChange change = new PasswordChange(current.getValue(), next.getValue());
        try {
            TokenResponse fresh = backend.post(PATH, change, TokenResponse.class);
            currentUser.adopt(fresh);
            clear();
            Notification.show(getTranslation("console.password.changed"), 5000, Notification.Position.TOP_CENTER);
            UI.getCurrent().navigate(HomeView.class);
        } catch (BackendProblem refused) {
            clear();
            show(refused.getMessage());
        }
    }

    /** The translation key of what is wrong with the form, or null. */
    private String problem() {
        if (current.getValue().isEmpty()) {
            return "console.password.error.current";
        }
        String rule = PasswordRules.problem(next.getValue(), currentUser.require().username());
        if (rule != null) {
            return rule;
        }
        if (next.getValue().equals(current.getValue())) {
            return "console.password.error.same";
        }
        if (!next.getValue().equals(repeat.getValue())) {
            return "console.password.error.repeat";
        }
        return null;
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clear() {
        current.clear();
        next.clear();
        repeat.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.password.title") + " · " + getTranslation("console.title");
    }
}
