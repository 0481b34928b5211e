package com.hotlineops.contract.wall;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import java.time.Instant;
import java.util.Map;

/**
 * One frame of the wall stream. Each frame carries the whole (small) state, so a wall that missed frames is
 * whole again with the next one; {@code seq} grows per frame of the publishing instance.
 *
 * @param today      the figures of DESIGN.md §2.4 for the calls offered today (Asia/Shanghai), both queues
 * @param todayByQueue the same per queue
 * @param calls      the calls panel: live windows per queue, agents, calls per minute beside a week earlier
 * @param board      the tickets board: SLA states, deadlines, clear-to-zero, directors on shift (never null)
 * @param hotspots   the hotspots of the last 24 hours: spikes, or the top categories when none (never null)
 */
public record WallFrame(
        FrameKind kind,
        long seq,
        Instant asOf,
        CallFigures today,
        Map<CallQueue, CallFigures> todayByQueue,
        AgentCounts agents,
        TicketSummary tickets,
        CallPanel calls,
        TicketBoard board,
        HotspotBoard hotspots) {

    public WallFrame {
        todayByQueue = Map.copyOf(todayByQueue);
        board = board == null ? TicketBoard.EMPTY : board;
        hotspots = hotspots == null ? HotspotBoard.EMPTY : hotspots;
    }

    /** A frame without hotspots ({@link HotspotBoard#EMPTY}), for producers that have none to give. */
    public WallFrame(FrameKind kind, long seq, Instant asOf, CallFigures today,
            Map<CallQueue, CallFigures> todayByQueue, AgentCounts agents, TicketSummary tickets, CallPanel calls,
            TicketBoard board) {
        this(kind, seq, asOf, today, todayByQueue, agents, tickets, calls, board, HotspotBoard.EMPTY);
    }

    public WallFrame asKind(FrameKind newKind) {
        return new WallFrame(newKind, seq, asOf, today, todayByQueue, agents, tickets, calls, board, hotspots);
    }
}
