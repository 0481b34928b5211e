package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.security.CurrentUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Sends a user whose token requires the password change (an administrator set the password, decision 0036) to
 * {@link ChangePasswordView} from wherever they go, before any view is built or the backend asked; signing out and
 * the login page stay open. The backend refuses everything else to such a token anyway: this spares them the errors.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    PasswordChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        if (currentUser.get().map(user -> user.credentials().passwordChangeRequired()).orElse(false)) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
