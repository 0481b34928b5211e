package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wall in real Chromium (Playwright, {@code src/test/node/wall.spec.mjs}): no figures without the kiosk token;
 * with it, at 1080p and at 4K, live numbers that follow CTI events posted while it is open, the ticket board with
 * countdowns ticking in the browser, the calls chart and the enterprise line, the hotspots panel showing a spike
 * seeded through the API as {@code GET /api/v1/hotspots} judges it, nothing overflowing the screen and no phone
 * number on it; then the backend stopped under the open wall (stale banner with the data's age) and started
 * again (banner gone, figures moving). Screenshots are kept under {@code target/screenshots}.
 */
class WallBrowserSystemTests {

    @Test
    void wallOpenedWithKioskTokenThenShowsLiveBoardAndSaysWhenTheBackendIsGone() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        try (SystemControl control = SystemControl.start(system)) {
            NodeScript.runAndExpectSuccess("wall.spec.mjs", Map.of(
                    "UI_URL", system.ui().toString(),
                    "BACKEND_URL", system.backend().toString(),
                    "CONTROL_URL", control.uri().toString(),
                    "KIOSK_TOKEN", RunningSystem.KIOSK_TOKEN,
                    "CTI_TOKEN", RunningSystem.backendToken("cti"),
                    "AGENT_TOKEN", RunningSystem.backendToken("agent1"),
                    "DISPATCHER_TOKEN", RunningSystem.backendToken("dispatcher1"),
                    "SUPERVISOR_TOKEN", RunningSystem.backendToken("supervisor1"),
                    "DIRECTOR_TOKEN", RunningSystem.backendToken("director1"),
                    "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(6));
        } finally {
            // Whatever the script did, leave a whole system to the tests that run after this one.
            if (!system.isRunning(LocalSystem.App.BACKEND)) {
                system.restart(LocalSystem.App.BACKEND);
            }
        }

        assertThat(screenshots.resolve("wall-1080p.png")).exists();
        assertThat(screenshots.resolve("wall-4k.png")).exists();
        assertThat(screenshots.resolve("wall-1080p-stale.png")).exists();
    }
}
