package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path target = Path.of(System.getProperty("hotline.target", "target"));
        Path output = target.resolve("wall-browser.log");
        ProcessBuilder node = new ProcessBuilder("node", "wall.spec.mjs")
                .directory(Path.of(System.getProperty("hotline.node.dir", "src/test/node")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().put("UI_URL", system.ui().toString());
        node.environment().put("BACKEND_URL", system.backend().toString());
        node.environment().put("KIOSK_TOKEN", RunningSystem.KIOSK_TOKEN);
        node.environment().put("CTI_TOKEN", RunningSystem.backendToken("cti"));
        node.environment().put("SCREENSHOT_DIR", target.resolve("screenshots").toString());
        Process process = node.start();

        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = read(output);
        assertThat(finished).as("browser test finished in time; output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("browser test output:%n%s", log).isZero();
        assertThat(target.resolve("screenshots/wall-1080p.png")).exists();
        assertThat(target.resolve("screenshots/wall-4k.png")).exists();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
