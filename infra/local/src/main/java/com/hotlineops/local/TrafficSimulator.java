package com.hotlineops.local;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.io.IOException;
import java.net.URI;
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
import java.util.Deque;
import java.util.List;
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
 * <p>At start it fills in today so far (events carry their own times, so the figures are those of a whole day);
 * then it runs on the wall clock. {@code load} scales the arrival rate.
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
    static final int BACKLOG_TICKETS = 12;

    private final URI backend;
    private final URI mobile;
    private final double load;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random();
    private volatile boolean running;
    private Thread thread;

    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private final Deque<Call> queue = new ArrayDeque<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<CtiEvent> pending = new ArrayList<>();
    private final List<String> ticketsToCreate = new ArrayList<>();
    private long stepSeq;
    private Instant clock;
    private boolean live;

    TrafficSimulator(URI backend, URI mobile, double load) {
        this.backend = backend;
        this.mobile = mobile;
        this.load = load;
        for (int i = 1; i <= AGENTS; i++) {
            agents.add(new Agent("A%02d".formatted(i)));
        }
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
            clock = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
            boolean backfill = todayIsEmpty(now);
            if (!backfill) {
                clock = now;
            }
            scheduleArrival();
            schedule(clock, this::staff);
            advanceTo(now);
            flushCalls();
            if (!running) {
                return;
            }
            if (backfill) {
                // The backlog a day leaves: tickets already out with the townships when the wall is switched on.
                for (int i = 0; i < BACKLOG_TICKETS; i++) {
                    ticketsToCreate.add("1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)));
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
        AgentState state = AgentState.OFFLINE;
        boolean logOffWhenFree;

        Agent(String id) {
            this.id = id;
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

    /** Arrivals as a Poisson process with the hour's rate, drawn by thinning against the day's peak rate. */
    private void scheduleArrival() {
        double peak = PEAK_PER_MINUTE * load / 60.0;
        Instant t = clock;
        while (true) {
            t = t.plusMillis((long) (-Math.log(1 - random.nextDouble()) / peak * 1000));
            if (random.nextDouble() < ARRIVALS_PER_MINUTE[hour(t)] * load / 60.0 / peak) {
                break;
            }
        }
        schedule(t, () -> {
            arrive();
            scheduleArrival();
        });
    }

    private void arrive() {
        Call call = new Call(random.nextDouble() < ENTERPRISE_SHARE ? CallQueue.ENTERPRISE : CallQueue.GENERAL,
                "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)));
        emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_OFFERED, call.id, call.queue, clock,
                call.caller, null));
        queue.add(call);
        double patience = -Math.log(1 - random.nextDouble()) * 75;
        schedule(clock.plusMillis((long) (patience * 1000)), () -> {
            if (!call.done) {
                call.done = true;
                queue.remove(call);
                emit(CtiEvent.call(UUID.randomUUID().toString(), CtiEventType.CALL_ABANDONED, call.id, call.queue,
                        clock, call.caller, null));
            }
        });
        dispatchCalls();
    }

    /** Free agents pick up waiting calls after a few seconds of ringing. */
    private void dispatchCalls() {
        for (Agent agent : agents) {
            if (queue.isEmpty()) {
                return;
            }
            if (agent.state != AgentState.AVAILABLE) {
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
                    if (live && random.nextDouble() < 0.25) {
                        ticketsToCreate.add(call.caller);
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

    /** Logs agents in and out to the hour's staffing, every five minutes. */
    private void staff() {
        int target = STAFFED[hour(clock)];
        long on = agents.stream().filter(a -> a.state != AgentState.OFFLINE && !a.logOffWhenFree).count();
        for (Agent a : agents) {
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
        dispatchCalls();
        schedule(clock.plus(Duration.ofMinutes(5)), this::staff);
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
        try {
            post(backend.resolve("/api/v1/cti/events"), token("cti"), batch);
        } catch (IOException e) {
            log.warn("Simulator could not post {} CTI events: {}", batch.size(), e.toString());
        }
    }

    // ---- tickets ------------------------------------------------------------------------------------------------

    private static final String[][] MATTERS = {
            {"路灯不亮", "小区门口路灯坏了三天，晚上出行不安全"},
            {"停水咨询", "小区已经停水两天了，没有接到任何通知"},
            {"噪音扰民", "夜间工地施工噪音很大，影响休息"},
            {"道路破损", "人行道地砖松动，老人容易摔倒"},
            {"垃圾清运", "垃圾桶满了没人清运，气味很大"},
            {"占道经营", "早市摊贩占用消防通道"},
            {"供暖不热", "家里暖气温度不达标，室温只有十五度"},
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
        for (String caller : List.copyOf(ticketsToCreate)) {
            String[] matter = MATTERS[random.nextInt(MATTERS.length)];
            JsonNode grid = grids.get(random.nextInt(grids.size()));
            var intake = json.createObjectNode().put("channel", "HOTLINE").put("title", matter[0])
                    .put("content", matter[1]).put("location", grid.get("name").asString());
            intake.putObject("citizen").put("phone", caller);
            JsonNode created = post(backend.resolve("/api/v1/intake"), token("agent1"), intake);
            String id = created.get("ticket").get("id").asString();
            post(backend.resolve("/api/v1/tickets/" + id + "/submit"), token("agent1"), json.createObjectNode());
            post(backend.resolve("/api/v1/tickets/" + id + "/dispatch"), token("dispatcher1"),
                    json.createObjectNode().put("unitId", grid.get("parentId").asString())
                            .put("gridId", grid.get("id").asString()).put("note", "请尽快处理"));
        }
        ticketsToCreate.clear();
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

    private final java.util.Map<String, TokenCache> tokens = new java.util.HashMap<>();

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
