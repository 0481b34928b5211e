package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.user.UserView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * Resets an account's password to one the administrator types (decision 0032): the console never makes up or shows a
 * password, so nothing is left on a page to be read off a screen; the administrator tells the user in person. The
 * policy is checked before anything is sent; the field is emptied when the dialog closes.
 */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField();

    PasswordDialog(AdminBackend backend, UserView user) {
        setId("user-password-dialog");
        setHeaderTitle(getTranslation("console.admin.users.password.title", user.username()));
        password.setId("user-new-password");
        password.setLabel(getTranslation("console.admin.users.newPassword"));
        password.setHelperText(getTranslation("console.admin.users.password.help"));
        password.setWidthFull();
        add(password, AdminText.explanation("user-password-explain",
                getTranslation("console.admin.users.password.explain")));

        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("user-password-cancel");
        Button save = new Button(getTranslation("console.admin.users.resetPassword"), click -> {
            String problem = UserForm.passwordProblem(password.getValue(), user.username());
            password.setInvalid(problem != null);
            password.setErrorMessage(problem == null ? null : getTranslation(problem));
            if (problem != null) {
                return;
            }
            try {
                backend.resetPassword(user.id(), password.getValue());
                close();
                AdminText.done(getTranslation("console.admin.users.passwordReset", user.username()));
            } catch (BackendProblem refused) {
                AdminText.problem(refused);
            }
        });
        save.setId("user-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, save);
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                password.clear();
            }
        });
        setWidth("32em");
    }
}
