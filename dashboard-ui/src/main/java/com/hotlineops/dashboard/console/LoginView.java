package com.hotlineops.dashboard.console;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in for the desk consoles. The form posts to Spring Security's login processing, which asks the backend
 * ({@code BackendAuthenticationProvider}); a failure comes back here with {@code ?error}, and Spring Security keeps
 * why in the session: a login the backend throttles (decision 0037) says that sign-in is paused rather than that the
 * password was wrong. It tells nothing about the account: the backend throttles unknown usernames alike.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setId("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        H1 title = new H1(getTranslation("console.title"));
        title.addClassName("console-login-title");
        add(new LanguageSwitch(), title, form);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("console.login.title"));
        f.setUsername(getTranslation("console.login.username"));
        f.setPassword(getTranslation("console.login.password"));
        f.setSubmit(getTranslation("console.login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("console.login.error.title"));
        error.setMessage(getTranslation("console.login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof LockedException) {
            form.showErrorMessage(getTranslation("console.login.locked.title"),
                    getTranslation("console.login.locked.message"));
        } else {
            form.setError(failed);
        }
    }

    /** Why the last sign-in of this browser failed, as Spring Security's failure handler left it in the session. */
    private static Object lastFailure() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.login.title") + " · " + getTranslation("console.title");
    }
}
