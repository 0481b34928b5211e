package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The administrator's pages in real Chromium (Playwright, {@code src/test/node/admin.spec.mjs}) through the real apps:
 * a partner registered with its key shown once and checked against the intake, disabled and enabled again, its
 * webhook URL changed, its callback listed with why it failed; the calendar's years with the fallback warning, a month,
 * a far day edited and the edit undone; the SLA policies; a grid worker created who logs in to the mobile API, must
 * change the password the admin typed before anything else and then works, until disabled; a desk user created who is
 * sent to 修改密码 in the console, changes it and then works (decision 0036). Each step is checked again through the backend's (or the mobile) API. Screenshots under
 * {@code target/screenshots}.
 */
class AdminBrowserSystemTests {

    @Test
    void adminRegistersAPartnerEditsAFarCalendarDayAndCreatesAndDisablesAGridWorkerInTheBrowser() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        NodeScript.runAndExpectSuccess("admin.spec.mjs", Map.of(
                "UI_URL", system.ui().toString(),
                "BACKEND_URL", system.backend().toString(),
                "MOBILE_URL", system.mobile().toString(),
                "ADMIN_TOKEN", RunningSystem.backendToken("admin"),
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(3));

        assertThat(screenshots.resolve("admin-partner-secrets.png")).exists();
        assertThat(screenshots.resolve("admin-partners.png")).exists();
        assertThat(screenshots.resolve("admin-calendar.png")).exists();
        assertThat(screenshots.resolve("admin-calendar-edited.png")).exists();
        assertThat(screenshots.resolve("admin-sla-policies.png")).exists();
        assertThat(screenshots.resolve("admin-users.png")).exists();
        assertThat(screenshots.resolve("admin-own-password-changed.png")).exists();
    }
}
