package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.local.LocalSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * mobile-api driven by a client nobody here wrote: rsocket-js in Node ({@code src/test/node/phone.spec.mjs}), as a
 * phone team would use it — login, feed, offer, accept (and its retry), progress, finish, reconnect with a cursor.
 */
class RealClientSystemTests {

    @Test
    void rsocketJsPhoneReceivesOfferAcceptsFinishesAndResumesFromCursor() throws Exception {
        LocalSystem system = RunningSystem.get();
        Path target = Path.of(System.getProperty("hotline.target", "target"));
        Path output = target.resolve("phone-rsocket-js.log");
        ProcessBuilder node = new ProcessBuilder("node", "phone.spec.mjs")
                .directory(Path.of(System.getProperty("hotline.node.dir", "src/test/node")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().put("MOBILE_URL", system.mobile().toString());
        node.environment().put("BACKEND_URL", system.backend().toString());
        node.environment().put("AGENT_TOKEN", RunningSystem.backendToken("agent1"));
        node.environment().put("DISPATCHER_TOKEN", RunningSystem.backendToken("dispatcher1"));
        node.environment().put("WORKER", "worker3");
        node.environment().put("GRID_CODE", "T01-G02");
        Process process = node.start();

        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        assertThat(finished).as("rsocket-js client finished in time; output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("rsocket-js client output:%n%s", log).isZero();
    }
}
