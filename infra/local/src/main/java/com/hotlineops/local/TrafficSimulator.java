package com.hotlineops.local;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated traffic for the local system: a call centre with hourly arrival rates peaking mid-morning and
 * mid-afternoon, agents who log in by shift, ring time, talk and wrap-up, callers who hang up when their patience
 * runs out; about one answered call in four becomes a ticket that is dispatched to a township grid, where simulated
 * grid workers accept and finish it through mobile-api. Everything goes through the public APIs.
 *
 * <p>Two queues with their own arrival processes and agents: the hotline ({@code GENERAL}, agents {@code A01…}) and
 * the enterprise line ({@code ENTERPRISE}, "press 2", agents {@code E01…}). A director is on the demo shift
 * ({@code director1} at seat {@value #DIRECTOR_SEAT}, scheduled at start unless a shift already covers now): the seat
 * answers hotline calls while the shift lasts, and half of those calls become tickets the director creates, so the
 * director's page shows director-taken calls and tickets (DESIGN.md §2.7).
 *
 * <p>At start it fills in today so far (events carry their own times, so the figures are those of a whole day): at
 * once, or with {@link Settings#speed()} above 0 at that many simulated seconds per second until it reaches the
 * present (the wall then shows the day building up); then it runs on the wall clock. It only talks to loopback
 * addresses, and its rates are bounded ({@link Settings}).
 */
final class TrafficSimulator {

    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The busiest hour's calls per minute at load 1. */
    static final double PEAK_PER_MINUTE = 4.4;
    /** The bank was closed from midnight to 07:00; a 12345 hotline answers around the clock. */
    static final double NIGHT_FLOOR_PER_MINUTE = 0.15;
    /**
     * Calls per minute by hour of day (Asia/Shanghai) at load 1: the shape of the Anonymous Bank call centre's
     * weekdays (calls that reached the agents, Sunday–Thursday of August 1999, averaged per hour; see
     * docs/decisions/0010 for which rows count), scaled so the busiest hour is {@link #PEAK_PER_MINUTE}, with
     * {@link #NIGHT_FLOOR_PER_MINUTE} as the least. {@code TrafficSimulatorTests} derives it again from the data.
     */
    static final double[] ARRIVALS_PER_MINUTE = {0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 1.15, 2.44, 3.75, 4.40,
            3.92, 3.44, 3.34, 3.60, 3.57, 3.56, 2.96, 2.64, 1.90, 1.76, 1.98, 2.08, 1.43};
    /** The share of the enterprise queue: the bank's NE and IN calls of 1 August (270 of 2,239, docs/decisions/0010). */
    static final double ENTERPRISE_SHARE = 0.12;
    /** Agents logged in by hour of day: enough for the hour's calls at about 3.3 minutes of work each, at least 3. */
    static final int[] STAFFED = new int[24];

    static {
        for (int h = 0; h < 24; h++) {
            STAFFED[h] = Math.max(3, (int) Math.ceil(ARRIVALS_PER_MINUTE[h] * 5.2));
        }
    }

    static final int AGENTS = 24;
    /** Enterprise-line agents logged in by hour of day: enough for its calls at about 3.3 minutes each, at least 1. */
    static final int[] STAFFED_ENTERPRISE = new int[24];
    static final int ENTERPRISE_AGENTS = 4;

    static {
        for (int h = 0; h < 24; h++) {
            STAFFED_ENTERPRISE[h] = Math.max(1, (int) Math.ceil(ARRIVALS_PER_MINUTE[h] * ENTERPRISE_SHARE * 5.2));
        }
    }

    static final int BACKLOG_TICKETS = 12;
    static final String DIRECTOR = "director1";
    static final String DIRECTOR_SEAT = "D-01";
    /** The demo shift: from two hours ago (not before midnight) to four hours ahead. */
    static final Duration SHIFT_BEFORE = Duration.ofHours(2);
    static final Duration SHIFT_AFTER = Duration.ofHours(4);
    /** Tickets created per second at most, whatever the load: the simulator must not flood the desk APIs. */
    static final int MAX_TICKETS_PER_TICK = 20;

    /**
     * @param load           factor on the hotline's arrival rate, 0–20
     * @param enterpriseLoad factor on the enterprise line's arrival rate, 0–20 (its rate at 1 is {@link
     *                       #ENTERPRISE_SHARE} of the profile)
     * @param speed          simulated seconds per second while filling in today; 0 fills it in at once; at most 3,600
     */
    record Settings(double load, double enterpriseLoad, double speed) {

        Settings {
            if (!(load >= 0 && load <= 20) || !(enterpriseLoad >= 0 && enterpriseLoad <= 20)) {
                throw new IllegalArgumentException("load factors must be between 0 and 20");
            }
            if (!(speed >= 0 && speed <= 3600)) {
                throw new IllegalArgumentException("speed must be between 0 (at once) and 3600");
            }
            if (load + enterpriseLoad == 0) {
                throw new IllegalArgumentException("at least one queue needs calls");
            }
        }
    }

    private final URI backend;
    private final URI mobile;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random();
    private volatile boolean running;
    private Thread thread;

    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private final Map<CallQueue, Deque<Call>> queues = new EnumMap<>(CallQueue.class);
    private final List<Agent> agents = new ArrayList<>();
    private final Agent director = new Agent(DIRECTOR_SEAT, CallQueue.GENERAL);
    private final List<CtiEvent> pending = new ArrayList<>();
    private final List<TicketToCreate> ticketsToCreate = new ArrayList<>();
    private long stepSeq;
    private Instant clock;
    private boolean live;
    private List<CtiEvent> dryRunSink;

    /** A ticket to open for a caller, by the agent's login ({@code agent1}) or the director's. */
    private record TicketToCreate(String caller, String creator) {
    }

    TrafficSimulator(URI backend, URI mobile, Settings settings) {
        this.backend = requireLoopback(backend);
        this.mobile = requireLoopback(mobile);
        this.settings = settings;
        for (CallQueue q : CallQueue.values()) {
            queues.put(q, new ArrayDeque<>());
        }
        // First in line: a director on shift takes the next call whenever free (calls are offered in this order).
        agents.add(director);
        for (int i = 1; i <= AGENTS; i++) {
            agents.add(new Agent("A%02d".formatted(i), CallQueue.GENERAL));
        }
        for (int i = 1; i <= ENTERPRISE_AGENTS; i++) {
            agents.add(new Agent("E%02d".formatted(i), CallQueue.ENTERPRISE));
        }
    }

    /** Simulated traffic is for the local system only: never aimed at another machine. */
    static URI requireLoopback(URI uri) {
        try {
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("The simulator only talks to this machine, not " + uri);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in " + uri, e);
        }
        return uri;
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "traffic-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            Instant now = Instant.now();
            Instant dayStart = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
            clock = dayStart;
            boolean backfill = todayIsEmpty(now);
            if (!backfill) {
                clock = now;
            }
            scheduleDirectorShift(now, dayStart);
            for (CallQueue q : CallQueue.values()) {
                scheduleArrival(q);
            }
            schedule(clock, this::staff);
            if (backfill && settings.speed() > 0) {
                catchUp(dayStart);
            } else {
                advanceTo(now);
                flushCalls();
            }
            if (!running) {
                return;
            }
            if (backfill) {
                // The backlog a day leaves: tickets already out with the townships when the wall is switched on.
                for (int i = 0; i < BACKLOG_TICKETS; i++) {
                    ticketsToCreate.add(new TicketToCreate(
                            "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)), "agent1"));
                }
            }
            log.info("Simulator: today so far {}; now live", backfill ? "filled in" : "already has calls, not refilled");
            live = true;
            Instant lastWorkers = Instant.EPOCH;
            while (running) {
                Thread.sleep(1000);
                advanceTo(Instant.now());
                flushCalls();
                createTickets();
                if (Duration.between(lastWorkers, Instant.now()).toSeconds() >= 10) {
                    lastWorkers = Instant.now();
                    workGridTickets();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            if (running) {
                log.error("Simulator stopped: {}", e.toString());
            }
        }
    }

    /** Runs simulated time from the day's start at {@code speed}× until it reaches the present. */
    private void catchUp(Instant dayStart) throws InterruptedException {
        Instant realStart = Instant.now();
        while (running) {
            Instant now = Instant.now();
            long simulatedMillis = (long) (Duration.between(realStart, now).toMillis() * settings.speed());
            Instant target = dayStart.plusMillis(simulatedMillis);
            boolean caughtUp = !target.isBefore(now);
            advanceTo(caughtUp ? now : target);
            flushCalls();
            if (caughtUp) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Puts {@code director1} on shift at seat {@value #DIRECTOR_SEAT} around now (unless a shift of theirs already
     * covers now), and logs the seat in and out at the shift's start and end.
     */
    private void scheduleDirectorShift(Instant now, Instant dayStart) throws IOException, InterruptedException {
        Instant from = now.minus(SHIFT_BEFORE).isBefore(dayStart) ? dayStart : now.minus(SHIFT_BEFORE);
        Instant to = now.plus(SHIFT_AFTER);
        String supervisor = token("supervisor1");
        JsonNode existing = get(backend.resolve("/api/v1/shifts?from=" + now + "&to=" + now.plusSeconds(1)),
                supervisor);
        JsonNode shift = null;
        for (JsonNode s : existing) {
            if (DIRECTOR_SEAT.equals(s.path("seat").asString(null))) {
                shift = s;
            }
        }
        if (shift == null) {
            String directorId = directorId();
            if (directorId == null) {
                log.warn("Simulator: no {} to put on shift", DIRECTOR);
                return;
            }
            var request = json.createObjectNode().put("directorId", directorId).put("startsAt", from.toString())
                    .put("endsAt", to.toString()).put("seat", DIRECTOR_SEAT);
            try {
                shift = post(backend.resolve("/api/v1/shifts"), supervisor, request);
            } catch (IOException e) {
                log.warn("Simulator: could not schedule the demo shift: {}", e.getMessage());
                return;
            }
        }
        Instant starts = Instant.parse(shift.get("startsAt").asString());
        Instant ends = Instant.parse(shift.get("endsAt").asString());
        scheduleDirectorSeat(starts, ends);
        log.info("Simulator: {} on shift at seat {} from {} to {}", DIRECTOR, DIRECTOR_SEAT, starts, ends);
    }

    /** The director's seat is logged in from the shift's start and out at its end (after a call in progress). */
    private void scheduleDirectorSeat(Instant starts, Instant ends) {
        schedule(starts.isBefore(clock) ? clock : starts, () -> {
            if (director.state == AgentState.OFFLINE) {
                setState(director, AgentState.AVAILABLE);
                dispatchCalls();
            }
        });
        schedule(ends, () -> {
            if (director.state == AgentState.AVAILABLE) {
                setState(director, AgentState.OFFLINE);
            } else if (director.state != AgentState.OFFLINE) {
                director.logOffWhenFree = true;
            }
        });
    }

    /**
     * The call centre alone over {@code [from, to)}, with the director's seat on shift {@code [shiftStart, shiftEnd)}:
     * the CTI events it would post, nothing sent anywhere. For tests.
     */
    synchronized List<CtiEvent> dryRun(Instant from, Instant to, Instant shiftStart, Instant shiftEnd)
            throws InterruptedException {
        dryRunSink = new ArrayList<>();
        running = true;
        clock = from;
        scheduleDirectorSeat(shiftStart, shiftEnd);
        for (CallQueue q : CallQueue.values()) {
            scheduleArrival(q);
        }
        schedule(clock, this::staff);
        advanceTo(to);
        flushCalls();
        running = false;
        return List.copyOf(dryRunSink);
    }

    /** The director's user id, from the subject of their token. */
    private String directorId() throws IOException, InterruptedException {
        String[] parts = token(DIRECTOR).split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("sub").asString(null);
    }

    // ---- the call centre ------------------------------------------------------------------------------------

    private record Step(Instant at, long seq, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class Call {
        final String id = UUID.randomUUID().toString();
        final CallQueue queue;
        final String caller;
        boolean done;

        Call(CallQueue queue, String caller) {
            this.queue = queue;
            this.caller = caller;
        }
    }

    private static final class Agent {
        final String id;
        final CallQueue serves;
        AgentState state = AgentState.OFFLINE;
        boolean logOffWhenFree;

        Agent(String id, CallQueue serves) {
            this.id = id;
            this.serves = serves;
        }
    }

    private void schedule(Instant at, Runnable action) {
        agenda.add(new Step(at, stepSeq++, action));
    }

    private void advanceTo(Instant until) throws InterruptedException {
        while (running && !agenda.isEmpty() && !agenda.peek().at().isAfter(until)) {
            Step s = agenda.poll();
            clock = s.at();
            s.action().run();
            if (pending.size() >= 1000) {
                flushCalls();
            }
        }
        clock = until;
    }

    private int hour(Instant t) {
        return ZonedDateTime.ofInstant(t, ZONE).getHour();
    }

    /** The queue's share of the profile times its load factor. */
    private double factor(CallQueue q) {
        return q == CallQueue.ENTERPRISE ? ENTERPRISE_SHARE * settings.enterpriseLoad()
                : (1 - ENTERPRISE_SHARE) * settings.load();
    }

    /** Arrivals as a Poisson process with the hour's rate, drawn by thinning against the day's peak rate. */
    private void scheduleArrival(CallQueue q) {
        double factor = factor(q);
        if (factor == 0) {
            return;
        }
        double peak = PEAK_PER_MINUTE * factor / 60.0;
        Instant t = clock;
        while (true) {
            t = t.plusMillis((long) (-Math.log(1 - random.nextDouble()) / peak * 1000));
            if (random.nextDouble() < ARRIVALS_PER_MINUTE[hour(t)] * factor / 60.0 / peak) {
                break;
            }
        }
        schedule(t, () -> {
            arrive(q);
            scheduleArrival(q);
        });
    }

    private void arrive(CallQueue q) {
        Call call = new Call(q, "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)));
        Deque<Call> queue = queues.get(q);
        emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_OFFERED, call.id, call.queue, clock,
                call.caller, null));
        queue.add(call);
        double patience = -Math.log(1 - random.nextDouble()) * 75;
        schedule(clock.plusMillis((long) (patience * 1000)), () -> {
            if (!call.done) {
                call.done = true;
                queues.get(call.queue).remove(call);
                emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_ABANDONED, call.id, call.queue,
                        clock, call.caller, null));
            }
        });
        dispatchCalls();
    }

    /** Free agents pick up waiting calls of their queue after a few seconds of ringing. */
    private void dispatchCalls() {
        for (Agent agent : agents) {
            Deque<Call> queue = queues.get(agent.serves);
            if (queue.isEmpty() || agent.state != AgentState.AVAILABLE) {
                continue;
            }
            Call call = queue.poll();
            setState(agent, AgentState.ON_CALL);
            Instant answerAt = clock.plusMillis(2000 + random.nextInt(6000));
            schedule(answerAt, () -> {
                if (call.done) {
                    setState(agent, AgentState.AVAILABLE);
                    dispatchCalls();
                    return;
                }
                call.done = true;
                emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_ANSWERED, call.id, call.queue,
                        clock, call.caller, agent.id));
                long talk = (long) (Math.exp(5.0 + 0.5 * random.nextGaussian()) * 1000);
                schedule(clock.plusMillis(talk), () -> {
                    emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_ENDED, call.id, call.queue,
                            clock, call.caller, agent.id));
                    if (live && agent == director && random.nextDouble() < 0.5) {
                        ticketsToCreate.add(new TicketToCreate(call.caller, DIRECTOR));
                    } else if (live && random.nextDouble() < 0.25) {
                        ticketsToCreate.add(new TicketToCreate(call.caller, "agent1"));
                    }
                    setState(agent, AgentState.WRAP_UP);
                    schedule(clock.plusSeconds(15 + random.nextInt(30)), () -> free(agent));
                });
            });
        }
    }

    private void free(Agent agent) {
        if (agent.logOffWhenFree) {
            agent.logOffWhenFree = false;
            setState(agent, AgentState.OFFLINE);
        } else if (random.nextDouble() < 0.03) {
            setState(agent, AgentState.BREAK);
            schedule(clock.plusSeconds(300 + random.nextInt(600)), () -> free(agent));
            return;
        } else {
            setState(agent, AgentState.AVAILABLE);
        }
        dispatchCalls();
    }

    /** Logs agents in and out to the hour's staffing of each queue, every five minutes; the director has a shift. */
    private void staff() {
        staff(CallQueue.GENERAL, factor(CallQueue.GENERAL) == 0 ? 0 : STAFFED[hour(clock)]);
        staff(CallQueue.ENTERPRISE, factor(CallQueue.ENTERPRISE) == 0 ? 0 : STAFFED_ENTERPRISE[hour(clock)]);
        dispatchCalls();
        schedule(clock.plus(Duration.ofMinutes(5)), this::staff);
    }

    private void staff(CallQueue q, int target) {
        List<Agent> group = agents.stream().filter(a -> a != director && a.serves == q).toList();
        long on = group.stream().filter(a -> a.state != AgentState.OFFLINE && !a.logOffWhenFree).count();
        for (Agent a : group) {
            if (on < target && a.state == AgentState.OFFLINE) {
                setState(a, AgentState.AVAILABLE);
                on++;
            } else if (on > target && a.state != AgentState.OFFLINE && !a.logOffWhenFree) {
                if (a.state == AgentState.AVAILABLE) {
                    setState(a, AgentState.OFFLINE);
                } else {
                    a.logOffWhenFree = true;
                }
                on--;
            }
        }
    }

    private void setState(Agent agent, AgentState state) {
        agent.state = state;
        emit(CtiEvent.agent(UUID.randomUUID().toString(), agent.id, state, clock));
    }

    private void emit(CtiEvent e) {
        pending.add(e);
    }

    private void flushCalls() throws InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        List<CtiEvent> batch = List.copyOf(pending);
        pending.clear();
        if (dryRunSink != null) {
            dryRunSink.addAll(batch);
            return;
        }
        try {
            post(backend.resolve("/api/v1/cti/events"), token("cti"), batch);
        } catch (IOException e) {
            log.warn("Simulator could not post {} CTI events: {}", batch.size(), e.toString());
        }
    }

    // ---- tickets ------------------------------------------------------------------------------------------------

    /** Title, content and the category an agent would file it under (the tree of {@code categories.csv}). */
    private static final String[][] MATTERS = {
            {"路灯不亮", "小区门口路灯坏了三天，晚上出行不安全", "0101"},
            {"停水咨询", "小区已经停水两天了，没有接到任何通知", "0104"},
            {"噪音扰民", "夜间工地施工噪音很大，影响休息", "0201"},
            {"道路破损", "人行道地砖松动，老人容易摔倒", "0101"},
            {"垃圾清运", "垃圾桶满了没人清运，气味很大", "0204"},
            {"占道经营", "早市摊贩占用消防通道", "0802"},
            {"供暖不热", "家里暖气温度不达标，室温只有十五度", "0106"},
    };

    private JsonNode units;

    private void createTickets() throws IOException, InterruptedException {
        if (ticketsToCreate.isEmpty()) {
            return;
        }
        if (units == null) {
            units = get(backend.resolve("/api/v1/org/units"), token("dispatcher1"));
        }
        List<JsonNode> grids = new ArrayList<>();
        units.forEach(u -> {
            if ("GRID".equals(u.get("kind").asString())) {
                grids.add(u);
            }
        });
        List<TicketToCreate> now = List.copyOf(ticketsToCreate.subList(0, Math.min(MAX_TICKETS_PER_TICK,
                ticketsToCreate.size())));
        ticketsToCreate.subList(0, now.size()).clear();
        for (TicketToCreate ticket : now) {
            String caller = ticket.caller();
            String[] matter = MATTERS[random.nextInt(MATTERS.length)];
            JsonNode grid = grids.get(random.nextInt(grids.size()));
            var intake = json.createObjectNode().put("channel", "HOTLINE").put("title", matter[0])
                    .put("content", matter[1]).put("categoryCode", matter[2])
                    .put("location", grid.get("name").asString());
            intake.putObject("citizen").put("phone", caller);
            JsonNode created = post(backend.resolve("/api/v1/intake"), token(ticket.creator()), intake);
            String id = created.get("ticket").get("id").asString();
            post(backend.resolve("/api/v1/tickets/" + id + "/submit"), token(ticket.creator()),
                    json.createObjectNode());
            post(backend.resolve("/api/v1/tickets/" + id + "/dispatch"), token("dispatcher1"),
                    json.createObjectNode().put("unitId", grid.get("parentId").asString())
                            .put("gridId", grid.get("id").asString()).put("note", "请尽快处理"));
        }
    }

    /** Grid workers accept what is offered to them and, a while later, report most of it finished. */
    private void workGridTickets() {
        for (String worker : List.of("worker1", "worker2", "worker3", "worker4")) {
            try {
                String token = mobileToken(worker);
                JsonNode open = get(mobile.resolve("/mobile/v1/tickets"), token);
                for (JsonNode t : open) {
                    String id = t.get("id").asString();
                    String status = t.get("status").asString();
                    var command = json.createObjectNode().put("commandId", UUID.randomUUID().toString());
                    if ("DISPATCHED".equals(status) && random.nextDouble() < 0.3) {
                        post(mobile.resolve("/mobile/v1/tickets/" + id + "/accept"), token, command);
                    } else if ("ACCEPTED".equals(status) && random.nextDouble() < 0.1) {
                        post(mobile.resolve("/mobile/v1/tickets/" + id + "/finish"), token,
                                command.put("note", "已现场处理完毕，居民认可"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Simulated worker {}: {}", worker, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private final Map<String, TokenCache> tokens = new java.util.HashMap<>();

    private record TokenCache(String token, Instant expires) {
    }

    private String token(String username) throws IOException, InterruptedException {
        return cached(username, backend.resolve("/api/v1/auth/token"));
    }

    private String mobileToken(String username) throws IOException, InterruptedException {
        return cached("mobile:" + username, mobile.resolve("/mobile/v1/auth/login"));
    }

    private String cached(String key, URI uri) throws IOException, InterruptedException {
        TokenCache c = tokens.get(key);
        if (c != null && Instant.now().isBefore(c.expires())) {
            return c.token();
        }
        String username = key.startsWith("mobile:") ? key.substring(7) : key;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        TokenRequest.password(username, username + "-demo")))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("login of " + username + " failed: " + r.statusCode());
        }
        TokenResponse t = json.readValue(r.body(), TokenResponse.class);
        tokens.put(key, new TokenCache(t.accessToken(), Instant.now().plusSeconds(t.expiresIn() - 30)));
        return t.accessToken();
    }

    private boolean todayIsEmpty(Instant now) throws IOException, InterruptedException {
        Instant from = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        JsonNode figures = get(backend.resolve("/api/v1/figures/calls?from=" + from + "&to=" + now.plusSeconds(1)),
                token("supervisor1"));
        return json.treeToValue(figures, CallFigures.class).offered() == 0;
    }

    private JsonNode get(URI uri, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token).GET().build());
    }

    private JsonNode post(URI uri, String token, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " → " + r.statusCode() + " "
                    + r.body());
        }
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }
}
