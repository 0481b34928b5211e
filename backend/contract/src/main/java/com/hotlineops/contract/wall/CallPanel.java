package com.hotlineops.contract.wall;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CallWindows;
import com.hotlineops.contract.call.MinuteCount;
import com.hotlineops.contract.callback.CallbackFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The calls panel of the wall (DESIGN.md §2.4): every figure for today so far, the last 15 and the last 60 minutes, in
 * total and per queue; agents by state; calls offered per minute over the last 60 minutes beside the same minutes a
 * week earlier (oldest minute first); the callback queue's figures (no numbers).
 */
public record CallPanel(CallWindows total, Map<CallQueue, CallWindows> byQueue, AgentCounts agents,
        List<MinuteCount> perMinute, CallbackFigures callbacks) {

    public CallPanel {
        byQueue = Map.copyOf(byQueue);
        perMinute = List.copyOf(perMinute);
    }

    /** A panel with no calls and no agents, as of {@code asOf}. */
    public static CallPanel empty(Instant asOf) {
        CallFigures none = CallFigures.empty(asOf);
        CallWindows windows = new CallWindows(none, none, none);
        return new CallPanel(windows, Map.of(CallQueue.GENERAL, windows, CallQueue.ENTERPRISE, windows),
                AgentCounts.NONE, List.of(), CallbackFigures.empty(asOf));
    }
}
