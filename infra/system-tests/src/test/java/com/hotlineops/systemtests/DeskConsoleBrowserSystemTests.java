package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One ticket's whole path through the desk consoles in real Chromium (Playwright, {@code src/test/node/desk.spec.mjs})
 * against the three apps from their jars: agent, dispatcher, the township handler over REST, auditor, revisit, and
 * the ticket view closed with its full history, then in English after the language switch. A screenshot of each
 * console is kept under {@code target/screenshots}.
 */
class DeskConsoleBrowserSystemTests {

    @Test
    void ticketTakenDispatchedHandledAuditedAndRevisitedThroughTheConsolesThenClosedWithItsHistory()
            throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        NodeScript.runAndExpectSuccess("desk.spec.mjs", Map.of(
                "UI_URL", system.ui().toString(),
                "BACKEND_URL", system.backend().toString(),
                "HANDLER_TOKEN", RunningSystem.backendToken("handler-t01"),
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(4));

        for (String console : new String[] {"agent", "dispatch", "audit", "revisit", "ticket", "ticket-en"}) {
            assertThat(screenshots.resolve("console-" + console + ".png")).exists();
        }
    }
}
