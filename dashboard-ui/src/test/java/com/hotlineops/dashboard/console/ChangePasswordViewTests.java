package com.hotlineops.dashboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.console.agent.TakeCallView;
import com.hotlineops.dashboard.security.CurrentUser;
import com.hotlineops.dashboard.security.DeskUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 修改密码 without a browser (decision 0036): a user whose token requires the change is sent to it from every page,
 * before the page asks the backend anything; the form checks the rules first and sends nothing when they are broken;
 * the backend's new tokens are taken for the session, after which the user is home and free to go anywhere; a refusal
 * is shown as the backend gave it; every other user reaches the page from the user bar.
 */
@SpringBootTest(properties = "hotline.backend.rsocket-port=1")
@ViewPackages(packages = "com.hotlineops.dashboard.console")
class ChangePasswordViewTests extends SpringBrowserlessTest {

    private static final FakeBackend BACKEND = new FakeBackend();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "POST /api/v1/auth/password";

    @Autowired
    CurrentUser currentUser;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", BACKEND::port);
    }

    @BeforeEach
    void freshBackend() {
        BACKEND.reset();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String username, boolean passwordChangeRequired, String... roles) {
        DeskUser user = new DeskUser(username, Set.of(roles), null, new DeskUser.BackendCredentials(
                "access-" + username, "refresh", Instant.now().plusSeconds(900), passwordChangeRequired));
        List<SimpleGrantedAuthority> authorities = Set.of(roles).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    /** A token as the backend issues it after a change: no pwd_change claim. */
    private static String jwt(String username) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"preferred_username\":\"" + username + "\",\"roles\":[\"AGENT\"],"
                        + "\"typ\":\"access\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private void fill(String current, String next, String repeat) {
        test($(PasswordField.class).withId("password-current").single()).setValue(current);
        test($(PasswordField.class).withId("password-new").single()).setValue(next);
        test($(PasswordField.class).withId("password-repeat").single()).setValue(repeat);
        test($(Button.class).withId("password-save").single()).click();
    }

    private String error() {
        Paragraph error = $(Paragraph.class).withId("password-error").single();
        return error.isVisible() ? error.getText() : null;
    }

    @Test
    void passwordSetByAnAdministratorThenEveryPageSendsToTheChangeAndTheBackendIsNotAsked() {
        BACKEND.json("GET /api/v1/categories", "[]");
        signIn("agent9", true, "AGENT");

        UI.getCurrent().navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat($(Paragraph.class).withId("password-required").single().getText()).contains("管理员");

        UI.getCurrent().navigate(TakeCallView.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        UI.getCurrent().navigate("");
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat(BACKEND.requests()).isEmpty();
    }

    @Test
    void changedThenBothPasswordsSentTheNewTokensTakenAndTheUserIsHomeAndFreeToGo() {
        String fresh = jwt("agent9");
        BACKEND.json(PATH, "{\"accessToken\":\"%s\",\"refreshToken\":\"refresh-2\",\"expiresIn\":900}".formatted(fresh));
        signIn("agent9", true, "AGENT");
        navigate(ChangePasswordView.class);

        fill("Initial-pass-2026", "My-own-choice-77", "My-own-choice-77");

        assertThat(BACKEND.requests(PATH.split(" ")[0], PATH.split(" ")[1])).hasSize(1);
        JsonNode sent = JSON.readTree(BACKEND.last("POST", "/api/v1/auth/password").body());
        assertThat(sent.path("currentPassword").asString()).isEqualTo("Initial-pass-2026");
        assertThat(sent.path("newPassword").asString()).isEqualTo("My-own-choice-77");
        DeskUser.BackendCredentials credentials = currentUser.require().credentials();
        assertThat(credentials.accessToken()).isEqualTo(fresh);
        assertThat(credentials.refreshToken()).isEqualTo("refresh-2");
        assertThat(credentials.passwordChangeRequired()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);

        navigate(ChangePasswordView.class);
        assertThat($(Paragraph.class).withId("password-required").all()).isEmpty();
        UI.getCurrent().navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
    }

    @Test
    void rulesBrokenThenSaidWhyAndNothingSent() {
        signIn("agent9", true, "AGENT");
        navigate(ChangePasswordView.class);

        fill("", "My-own-choice-77", "My-own-choice-77");
        assertThat(error()).isEqualTo("请输入当前密码。");
        fill("Initial-pass-2026", "short-pw1", "short-pw1");
        assertThat(error()).isEqualTo("密码至少 10 个字符。");
        fill("Initial-pass-2026", "my-agent9-password", "my-agent9-password");
        assertThat(error()).isEqualTo("密码不能包含用户名。");
        fill("Initial-pass-2026", "Initial-pass-2026", "Initial-pass-2026");
        assertThat(error()).isEqualTo("新密码不能与当前密码相同。");
        fill("Initial-pass-2026", "My-own-choice-77", "My-own-choice-78");
        assertThat(error()).isEqualTo("两次输入的新密码不一致。");

        assertThat(BACKEND.requests()).isEmpty();
        assertThat(currentUser.require().credentials().passwordChangeRequired()).isTrue();
    }

    @Test
    void refusedByTheBackendThenItsDetailShownTheFieldsEmptiedAndStillRequired() {
        BACKEND.problem(PATH, 400, "The current password is wrong");
        signIn("agent9", true, "AGENT");
        navigate(ChangePasswordView.class);

        fill("Not-the-password-1", "My-own-choice-77", "My-own-choice-77");

        assertThat(error()).isEqualTo("The current password is wrong");
        assertThat($(PasswordField.class).all()).allSatisfy(f -> assertThat(f.getValue()).isEmpty());
        assertThat(currentUser.require().credentials().accessToken()).isEqualTo("access-agent9");
        assertThat(currentUser.require().credentials().passwordChangeRequired()).isTrue();
        UI.getCurrent().navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
    }

    @Test
    void anyOtherUserThenHomeAsUsualAndThePageFromTheUserBarInEnglishToo() {
        signIn("supervisor1", false, "SUPERVISOR");
        navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);

        test($(Button.class).withId("console-password").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat($(Paragraph.class).withId("password-required").all()).isEmpty();
        assertThat($(H2.class).first().getText()).isEqualTo("修改密码");

        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(ChangePasswordView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Change password");
        assertThat($(PasswordField.class).withId("password-current").single().getLabel())
                .isEqualTo("Current password");
    }
}
