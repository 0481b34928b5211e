package com.hotlineops.dashboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page after a failed sign-in, without a browser: Spring Security leaves why in the session, and a login the
 * backend throttles (decision 0037) says sign-in is paused, where a wrong password says to check it.
 */
@SpringBootTest(properties = {"hotline.backend.port=1", "hotline.backend.rsocket-port=1"})
@ViewPackages(classes = LoginView.class)
class LoginViewTests extends SpringBrowserlessTest {

    @Test
    void throttledSignInThenThePageSaysSignInIsPaused() {
        failedBecause(new LockedException("Too many failed logins; try again later"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(form().isError()).isTrue();
        assertThat(i18n()).contains("登录已暂停", "管理员解除限制").doesNotContain("请检查用户名和密码");
    }

    @Test
    void wrongPasswordThenThePageSaysToCheckIt() {
        failedBecause(new BadCredentialsException("Bad credentials"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(form().isError()).isTrue();
        assertThat(i18n()).contains("登录失败", "请检查用户名和密码").doesNotContain("登录已暂停");
    }

    @Test
    void noFailureThenNoError() {
        UI.getCurrent().navigate("login");

        assertThat(form().isError()).isFalse();
    }

    private static void failedBecause(Exception reason) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, reason);
    }

    private LoginForm form() {
        return $(LoginForm.class).single();
    }

    private String i18n() {
        return String.valueOf(form().getElement().getPropertyRaw("i18n"));
    }
}
