package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the outside clients in {@code src/test/node} and asserts that it finished in time and passed. */
final class NodeScript {

    private NodeScript() {
    }

    static void runAndExpectSuccess(String script, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("hotline.target", "target"));
        Files.createDirectories(target);
        Path output = target.resolve(script.replace(".mjs", ".log"));
        ProcessBuilder node = new ProcessBuilder("node", script)
                .directory(Path.of(System.getProperty("hotline.node.dir", "src/test/node")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().putAll(environment);
        Process process = node.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        assertThat(finished).as("%s finished within %s; output:%n%s", script, timeout, log).isTrue();
        assertThat(process.exitValue()).as("%s output:%n%s", script, log).isZero();
    }
}
