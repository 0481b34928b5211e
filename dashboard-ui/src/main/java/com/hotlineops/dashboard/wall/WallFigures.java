package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.LiveWallState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One wall state as the strings the wall shows. Figures follow DESIGN.md §2.4 as computed by the backend; this
 * only formats them. Only aggregate counts are read from the frame, so nothing here can show a phone number or a
 * name.
 *
 * @param longestWaitSeconds the longest wait now, from {@code oldestWaitingSince} (the browser ticks on from it);
 *                           {@code null} when nobody waits or there is no data
 * @param asOf               the frame's time, Asia/Shanghai clock
 * @param banner             what the stale banner says, if anything
 * @param bannerAgeSeconds   with {@code LOST}: how long the stream has been down (the figures were current until
 *                           then); with {@code NO_DATA}: how long we have waited
 */
record WallFigures(
        String offered,
        String answered,
        String answerRate,
        String timelyAnswerRate,
        String inQueue,
        Long longestWaitSeconds,
        String longestWait,
        String ticketsOpen,
        String ticketsAtRisk,
        String ticketsOverdue,
        String ticketsDueToday,
        String callbacksPending,
        String callbacksOverdue,
        boolean ticketsOverdueAlert,
        boolean callbacksOverdueAlert,
        String agentsAvailable,
        String agentsOnCall,
        String agentsWrapUp,
        String agentsOnBreak,
        String agentsOffline,
        String asOf,
        Banner banner,
        Long bannerAgeSeconds) {

    /** Calendar rules and clocks of the hotline run on Asia/Shanghai (DESIGN.md §2.3). */
    static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");

    /** The stale banner: hidden when live; otherwise why the figures may be old. */
    enum Banner {
        NONE,
        /** No frame since this instance started. */
        NO_DATA,
        /** The stream has been down for {@code LiveWall.STALE_AFTER} or longer. */
        LOST
    }

    static WallFigures of(LiveWallState state, Instant now, Locale locale) {
        Banner banner = !state.hasFrame() ? Banner.NO_DATA : state.stale() ? Banner.LOST : Banner.NONE;
        Long bannerAge = switch (banner) {
            case NONE -> null;
            case NO_DATA -> secondsBetween(state.linkSince(), now);
            // While the stream was up the figures were current, changes or not: they have been unconfirmed since.
            case LOST -> secondsBetween(state.linkSince(), now);
        };
        if (!state.hasFrame()) {
            String none = WallFormat.NONE;
            return new WallFigures(none, none, none, none, none, null, none, none, none, none, none, none, none,
                    false, false, none, none, none, none, none, none, banner, bannerAge);
        }
        WallFrame frame = state.frame();
        CallFigures today = frame.today() != null ? frame.today() : CallFigures.empty(frame.asOf());
        AgentCounts agents = frame.agents() != null ? frame.agents() : AgentCounts.NONE;
        TicketSummary tickets = frame.tickets() != null ? frame.tickets() : TicketSummary.NONE;
        TicketBoard board = frame.board() != null ? frame.board() : TicketBoard.EMPTY;
        CallbackFigures callbacks = frame.calls() != null && frame.calls().callbacks() != null
                ? frame.calls().callbacks() : CallbackFigures.empty(frame.asOf());
        long overdue = board.openBySlaState().getOrDefault(SlaState.OVERDUE, 0L);
        Long longestWait = today.oldestWaitingSince() == null ? null : secondsBetween(today.oldestWaitingSince(), now);
        return new WallFigures(
                WallFormat.count(today.offered(), locale),
                WallFormat.count(today.answered(), locale),
                WallFormat.rate(today.answerRate()),
                WallFormat.rate(today.timelyAnswerRate()),
                WallFormat.count(today.inQueue(), locale),
                longestWait,
                WallFormat.duration(longestWait),
                WallFormat.count(tickets.open(), locale),
                WallFormat.count(board.openBySlaState().getOrDefault(SlaState.AT_RISK, 0L), locale),
                WallFormat.count(overdue, locale),
                WallFormat.count(board.dueToday(), locale),
                WallFormat.count(callbacks.pending(), locale),
                WallFormat.count(callbacks.overdue(), locale),
                overdue > 0,
                callbacks.overdue() > 0,
                WallFormat.count(agents.available(), locale),
                WallFormat.count(agents.onCall(), locale),
                WallFormat.count(agents.wrapUp(), locale),
                WallFormat.count(agents.onBreak(), locale),
                WallFormat.count(agents.offline(), locale),
                WallFormat.clock(frame.asOf(), HOTLINE_ZONE),
                banner,
                bannerAge);
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
