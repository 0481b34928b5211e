package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report pages in real Chromium (Playwright, {@code src/test/node/reports.spec.mjs}) through the real apps: the
 * weekly report's figure equals the backend API's for the same week, the PDF and a CSV download carry the report on
 * screen, the special report finds a seeded ticket by a keyword. Screenshots under {@code target/screenshots}.
 */
class ReportsBrowserSystemTests {

    @Test
    void directorReadsThisWeeksReportDownloadsItAndGeneratesASpecialReportInTheBrowser() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path screenshots = Path.of(System.getProperty("hotline.target", "target")).resolve("screenshots");

        NodeScript.runAndExpectSuccess("reports.spec.mjs", Map.of(
                "UI_URL", system.ui().toString(),
                "BACKEND_URL", system.backend().toString(),
                "AGENT_TOKEN", RunningSystem.backendToken("agent1"),
                "DIRECTOR_TOKEN", RunningSystem.backendToken("director1"),
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(3));

        assertThat(screenshots.resolve("report-weekly.png")).exists();
        assertThat(screenshots.resolve("report-special.png")).exists();
        assertThat(screenshots.resolve("report-bulletin.png")).exists();
    }
}
