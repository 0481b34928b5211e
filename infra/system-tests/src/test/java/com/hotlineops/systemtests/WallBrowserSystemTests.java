package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wall in real Chromium (Playwright, {@code src/test/node/wall.spec.mjs}): no figures without the kiosk token,
 * live numbers with it, following CTI events posted while it is open, and no phone number on screen. Screenshots
 * at 1080p and 4K are kept under {@code target/screenshots}.
 */
class WallBrowserSystemTests {

    @Test
    void wallOpenedWithKioskTokenThenShowsLiveNumbersThatFollowPostedCalls() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        NodeScript.runAndExpectSuccess("wall.spec.mjs", Map.of(
                "UI_URL", system.ui().toString(),
                "BACKEND_URL", system.backend().toString(),
                "KIOSK_TOKEN", RunningSystem.KIOSK_TOKEN,
                "CTI_TOKEN", RunningSystem.backendToken("cti"),
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(3));

        assertThat(screenshots.resolve("wall-1080p.png")).exists();
        assertThat(screenshots.resolve("wall-4k.png")).exists();
    }
}
