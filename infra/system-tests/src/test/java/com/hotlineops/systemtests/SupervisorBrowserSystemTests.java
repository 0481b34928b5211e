package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The supervisor console in real Chromium (Playwright, {@code src/test/node/supervisor.spec.mjs}) through the real
 * apps: sign-in checked by the backend, the SLA board, supervision and tagging, the callback queue (claim and
 * attempt, a new task pushed while it is open), the shift schedule; each step checked again through the backend's
 * API. Screenshots under {@code target/screenshots}.
 */
class SupervisorBrowserSystemTests {

    @Test
    void supervisorSupervisesATicketWorksACallbackAndSchedulesAShiftInTheBrowser() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        NodeScript.runAndExpectSuccess("supervisor.spec.mjs", Map.of(
                "UI_URL", system.ui().toString(),
                "BACKEND_URL", system.backend().toString(),
                "AGENT_TOKEN", RunningSystem.backendToken("agent1"),
                "DISPATCHER_TOKEN", RunningSystem.backendToken("dispatcher1"),
                "SUPERVISOR_TOKEN", RunningSystem.backendToken("supervisor1"),
                "CTI_TOKEN", RunningSystem.backendToken("cti"),
                "UNIT_CODE", "T01",
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(4));

        assertThat(screenshots.resolve("supervisor-sla.png")).exists();
        assertThat(screenshots.resolve("supervisor-mark-track.png")).exists();
        assertThat(screenshots.resolve("supervisor-callbacks.png")).exists();
        assertThat(screenshots.resolve("supervisor-shifts.png")).exists();
    }
}
