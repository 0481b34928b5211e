package com.hotlineops.server.wall;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CallWindows;
import com.hotlineops.contract.call.MinuteCount;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallFiguresCalculator;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.callback.CallbackQueue;
import com.hotlineops.core.config.HotlineProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The calls panel of the wall frame, computed from the live state's calls with the one definition of DESIGN.md §2.4
 * ({@link CallFiguresCalculator}): today so far, the last 15 and the last 60 minutes, per queue and in total, and
 * calls per minute for the last 60 minutes beside the same minutes a week earlier.
 *
 * <p>Today's minutes come from the live calls; the week-earlier minutes are history, read from PostgreSQL in the
 * background whenever the minutes shown move on (and at most every {@link #HISTORY_REFRESH} otherwise), so building
 * a frame never waits for the database.
 */
@Component
class LiveCallPanel {

    private static final Logger log = LoggerFactory.getLogger(LiveCallPanel.class);
    static final Duration WEEK = Duration.ofDays(7);
    static final int MINUTES = 60;
    static final Duration HISTORY_REFRESH = Duration.ofSeconds(30);
    static final Duration CALLBACK_REFRESH = Duration.ofSeconds(1);

    private final CallEventStore store;
    private final CallbackQueue callbackQueue;
    private final ZoneId zone;
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean loadingCallbacks = new AtomicBoolean();
    private volatile History history = new History(Instant.EPOCH, Instant.EPOCH, Map.of());
    private volatile CallbackFigures callbacks;

    LiveCallPanel(CallEventStore store, CallbackQueue callbackQueue, HotlineProperties properties) {
        this.store = store;
        this.callbackQueue = callbackQueue;
        this.zone = properties.zone();
    }

    /** The panel as of {@code now} from the calls the live state holds (today's and the last hour's at least). */
    CallPanel panel(Collection<CallRecord> calls, AgentCounts agents, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
        Map<CallQueue, CallWindows> byQueue = new EnumMap<>(CallQueue.class);
        for (CallQueue q : CallQueue.values()) {
            byQueue.put(q, windows(calls, q, dayStart, dayEnd, now));
        }
        return new CallPanel(windows(calls, null, dayStart, dayEnd, now), byQueue, agents, perMinute(calls, now),
                callbacks(now));
    }

    /** Windows end at the end of today, so a call stamped a little ahead of this clock is not lost from them. */
    private static CallWindows windows(Collection<CallRecord> calls, CallQueue queue, Instant dayStart, Instant dayEnd,
            Instant now) {
        return new CallWindows(figures(calls, queue, dayStart, dayEnd, now),
                figures(calls, queue, now.minus(Duration.ofMinutes(15)), dayEnd, now),
                figures(calls, queue, now.minus(Duration.ofMinutes(60)), dayEnd, now));
    }

    private static CallFigures figures(Collection<CallRecord> calls, CallQueue queue, Instant from, Instant to,
            Instant now) {
        return new CallFiguresCalculator(from, to, queue).addAll(calls).result(now);
    }

    private List<MinuteCount> perMinute(Collection<CallRecord> calls, Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = current.minus(Duration.ofMinutes(MINUTES - 1));
        Instant end = current.plus(Duration.ofMinutes(1));
        Map<Instant, Long> live = new HashMap<>();
        for (CallRecord c : calls) {
            Instant at = c.offeredAt();
            if (at != null && !at.isBefore(first) && at.isBefore(end)) {
                live.merge(at.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
            }
        }
        History h = history(first.minus(WEEK), end.minus(WEEK), now);
        List<MinuteCount> minutes = new ArrayList<>(MINUTES);
        for (Instant m = first; m.isBefore(end); m = m.plus(Duration.ofMinutes(1))) {
            minutes.add(new MinuteCount(m, live.getOrDefault(m, 0L), h.counts().getOrDefault(m.minus(WEEK), 0L)));
        }
        return minutes;
    }

    /**
     * The callback figures last read from PostgreSQL (the queue changes by claims and attempts as well as by calls, on
     * any instance); a background read refreshes them when they are older than {@link #CALLBACK_REFRESH}.
     */
    private CallbackFigures callbacks(Instant now) {
        CallbackFigures c = callbacks;
        boolean stale = c == null || !c.asOf().plus(CALLBACK_REFRESH).isAfter(now);
        if (stale && loadingCallbacks.compareAndSet(false, true)) {
            callbackQueue.figures()
                    .doFinally(s -> loadingCallbacks.set(false))
                    .subscribe(f -> callbacks = f,
                            e -> log.warn("Could not read the callback figures: {}", e.toString()));
        }
        return c != null ? c : CallbackFigures.empty(now);
    }

    /** The week-earlier counts held now; starts a background reload when they do not cover the minutes or are old. */
    private History history(Instant from, Instant to, Instant now) {
        History h = history;
        boolean covers = !from.isBefore(h.from()) && !to.isAfter(h.to());
        boolean fresh = h.loadedAt() != null && h.loadedAt().plus(HISTORY_REFRESH).isAfter(now);
        if ((!covers || !fresh) && loading.compareAndSet(false, true)) {
            Instant loadTo = to.plus(Duration.ofMinutes(10));
            store.offeredPerMinute(from, loadTo)
                    .doFinally(s -> loading.set(false))
                    .subscribe(counts -> history = new History(from, loadTo, counts, now),
                            e -> log.warn("Could not read the calls per minute a week earlier: {}", e.toString()));
        }
        return h;
    }

    private record History(Instant from, Instant to, Map<Instant, Long> counts, Instant loadedAt) {

        History(Instant from, Instant to, Map<Instant, Long> counts) {
            this(from, to, counts, null);
        }
    }
}
