package com.hotlineops.server.wall;

import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.ticket.TicketChanged;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.core.call.AgentBoard;
import com.hotlineops.core.call.CallEventStore;
import com.hotlineops.core.call.CallFiguresCalculator;
import com.hotlineops.core.call.CallRecord;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.StreamEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * This instance's view of the live floor. At start it notes the stream's tail, rebuilds from PostgreSQL, then
 * applies every stream entry after that tail; applying is idempotent (calls fold by event, tickets by version), so
 * the overlap between rebuild and stream costs nothing. When reading the stream fails (Redis down, or restarted without
 * its data) it does the same again once Redis answers: new tail, rebuild, follow; so a lost Redis message costs
 * latency, never a number (DESIGN.md §3 faults). Two instances that read the same PostgreSQL and stream therefore
 * publish the same figures. Each such resynchronisation counts in {@code hotline.stream.resyncs{reader="wall"}}
 * (decision 0030).
 */
@Component
public class LiveState implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveState.class);

    private final CallEventStore calls;
    private final LiveCallPanel callPanel;
    private final EventStream stream;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    private final Map<String, CallRecord> callsById = new HashMap<>();
    private final AgentBoard agents = new AgentBoard();
    private final Map<UUID, OpenTicket> openTickets = new HashMap<>();
    private final Map<UUID, Long> ticketVersions = new HashMap<>();
    private final Sinks.Many<Boolean> changes = Sinks.many().multicast().directBestEffort();
    private final AtomicLong seq = new AtomicLong();
    private LocalDate day;
    private volatile Disposable following;

    private final TicketBoardFeed board;
    private final HotspotFeed hotspots;
    private final Counter resyncs;

    LiveState(CallEventStore calls, LiveCallPanel callPanel, EventStream stream, DatabaseClient db, JsonMapper json,
            Clock clock, HotlineProperties properties, TicketBoardFeed board, HotspotFeed hotspots,
            MeterRegistry meters) {
        this.resyncs = Counter.builder("hotline.stream.resyncs")
                .description("Rebuilds from PostgreSQL after the event stream failed, by reader")
                .tag("reader", "wall")
                .register(meters);
        this.board = board;
        this.hotspots = hotspots;
        this.calls = calls;
        this.callPanel = callPanel;
        this.stream = stream;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Override
    public void start() {
        String tail = stream.tail().block(Duration.ofSeconds(30));
        rebuild().block(Duration.ofMinutes(2));
        log.info("Live state rebuilt ({} calls today, {} open tickets), following the stream after {}",
                callsById.size(), openTickets.size(), tail);
        following = stream.followUntilError(tail)
                .onErrorResume(e -> {
                    log.warn("Event stream read failed ({}); resynchronising from PostgreSQL when Redis answers",
                            e.toString());
                    return resynchronised();
                })
                .subscribe(this::apply, e -> log.error("Live state stopped following the event stream", e));
    }

    /** Tail, rebuild, follow again, retried with backoff until Redis and PostgreSQL both answer. */
    private Flux<StreamEvent> resynchronised() {
        return Flux.defer(() -> stream.tail()
                        .flatMapMany(tail -> rebuild()
                                .doOnSuccess(x -> {
                                    log.info("Live state resynchronised from PostgreSQL, following after {}", tail);
                                    resyncs.increment();
                                    changes.tryEmitNext(Boolean.TRUE);
                                })
                                .thenMany(stream.followUntilError(tail))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3))
                        .doBeforeRetry(s -> log.warn("Live state resync failed, retrying: {}",
                                s.failure().toString())));
    }

    /** Replaces the state by what PostgreSQL has now: today's calls, the agents' last states, open tickets. */
    private Mono<Void> rebuild() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // today's calls and, just after midnight, the rest of the last hour (the panel's 60-minute window)
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Mono<List<CallRecord>> todayCalls = calls.callsOfferedBetween(hourAgo.isBefore(dayStart) ? hourAgo : dayStart,
                today.plusDays(1).atStartOfDay(zone).toInstant());
        Mono<List<CtiEvent>> agentStates = calls.latestAgentStates().collectList();
        Mono<List<OpenTicket>> tickets = db.sql("""
                        select id, status, version from ticket
                         where status not in ('CLOSED', 'TRANSFERRED_EMERGENCY', 'MERGED')""")
                .map(row -> new OpenTicket(row.get("id", UUID.class),
                        TicketStatus.valueOf(row.get("status", String.class)), row.get("version", Long.class)))
                .all().collectList();
        return Mono.zip(todayCalls, agentStates, tickets).doOnNext(t -> {
            synchronized (this) {
                day = today;
                callsById.clear();
                t.getT1().forEach(c -> callsById.put(c.callId(), c));
                t.getT2().forEach(agents::apply);
                openTickets.clear();
                ticketVersions.clear();
                t.getT3().forEach(o -> {
                    openTickets.put(o.id(), o);
                    ticketVersions.put(o.id(), o.version());
                });
            }
        }).then();
    }

    void apply(StreamEvent event) {
        try {
            switch (event.topic()) {
                case CALLS -> applyCalls(json.readValue(event.payload(), CtiEvent[].class));
                case TICKET -> applyTicket(json.readValue(event.payload(), TicketChanged.class));
            }
            changes.tryEmitNext(Boolean.TRUE);
        } catch (RuntimeException e) {
            log.error("Could not apply stream entry {} ({})", event.id(), event.topic(), e);
        }
    }

    private synchronized void applyCalls(CtiEvent[] events) {
        for (CtiEvent e : events) {
            if (e.type().isCallEvent()) {
                callsById.merge(e.callId(), CallRecord.of(e.callId()).with(e), (old, x) -> old.with(e));
            } else {
                agents.apply(e);
            }
        }
    }

    private synchronized void applyTicket(TicketChanged t) {
        Long known = ticketVersions.get(t.ticketId());
        if (known != null && known >= t.version()) {
            return;
        }
        ticketVersions.put(t.ticketId(), t.version());
        if (t.to().isOpen()) {
            openTickets.put(t.ticketId(), new OpenTicket(t.ticketId(), t.to(), t.version()));
        } else {
            openTickets.remove(t.ticketId());
        }
    }

    /** Signals each applied change; the frame stream samples it. */
    Flux<Boolean> changes() {
        return changes.asFlux();
    }

    /** The whole state as one frame, with the figures of DESIGN.md §2.4 for the calls offered today so far. */
    public synchronized WallFrame frame(FrameKind kind) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!today.equals(day)) {
            Instant keepFrom = today.minusDays(1).atStartOfDay(zone).toInstant();
            callsById.values().removeIf(c -> c.offeredAt() != null && c.offeredAt().isBefore(keepFrom));
            day = today;
        }
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        CallFigures all = new CallFiguresCalculator(from, to, null).addAll(callsById.values()).result(now);
        Map<CallQueue, CallFigures> byQueue = new EnumMap<>(CallQueue.class);
        for (CallQueue q : CallQueue.values()) {
            byQueue.put(q, new CallFiguresCalculator(from, to, q).addAll(callsById.values()).result(now));
        }
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        openTickets.values().forEach(t -> byStatus.merge(t.status(), 1L, Long::sum));
        return new WallFrame(kind, seq.incrementAndGet(), now, all, byQueue, agents.counts(),
                new TicketSummary(openTickets.size(), byStatus),
                callPanel.panel(callsById.values(), agents.counts(), now), board.latest(), hotspots.latest());
    }

    @Override
    public void stop() {
        Disposable d = following;
        if (d != null) {
            d.dispose();
        }
        following = null;
    }

    @Override
    public boolean isRunning() {
        return following != null;
    }

    private record OpenTicket(UUID id, TicketStatus status, long version) {
    }
}
