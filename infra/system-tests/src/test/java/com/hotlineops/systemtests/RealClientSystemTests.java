package com.hotlineops.systemtests;

import com.hotlineops.local.LocalSystem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * mobile-api driven by a client nobody here wrote: rsocket-js in Node ({@code src/test/node/phone.spec.mjs}), as a
 * phone team would use it — login, feed, offer, accept (and its retry), progress, finish, reconnect with a cursor.
 */
class RealClientSystemTests {

    @Test
    void rsocketJsPhoneReceivesOfferAcceptsFinishesAndResumesFromCursor() throws Exception {
        LocalSystem system = RunningSystem.get();

        NodeScript.runAndExpectSuccess("phone.spec.mjs", Map.of(
                "MOBILE_URL", system.mobile().toString(),
                "BACKEND_URL", system.backend().toString(),
                "AGENT_TOKEN", RunningSystem.backendToken("agent1"),
                "DISPATCHER_TOKEN", RunningSystem.backendToken("dispatcher1"),
                "WORKER", "worker3",
                "GRID_CODE", "T01-G02"), Duration.ofMinutes(2));
    }
}
