package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.wall.WallFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The enterprise line (政企通, "press 2", DESIGN.md §2.5) today: its own queue's figures of §2.4 from the frame's
 * {@code todayByQueue}. The frame has no satisfaction figure for it, so the wall shows none.
 *
 * @param longestWaitSeconds from the queue's oldest waiting call, for the browser to tick on; {@code null} when nobody
 *                           waits
 */
record EnterpriseFigures(String offered, String answerRate, String inQueue, Long longestWaitSeconds,
        String longestWait) {

    static final EnterpriseFigures NONE = new EnterpriseFigures(WallFormat.NONE, WallFormat.NONE, WallFormat.NONE,
            null, WallFormat.NONE);

    static EnterpriseFigures of(WallFrame frame, Instant now, Locale locale) {
        if (frame == null) {
            return NONE;
        }
        CallFigures f = frame.todayByQueue().get(CallQueue.ENTERPRISE);
        if (f == null) {
            f = CallFigures.empty(frame.asOf());
        }
        Long wait = f.oldestWaitingSince() == null ? null
                : Math.max(0, Duration.between(f.oldestWaitingSince(), now).toSeconds());
        return new EnterpriseFigures(WallFormat.count(f.offered(), locale), WallFormat.rate(f.answerRate()),
                WallFormat.count(f.inQueue(), locale), wait, WallFormat.duration(wait));
    }
}
