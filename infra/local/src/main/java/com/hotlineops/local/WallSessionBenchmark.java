package com.hotlineops.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heap per kiosk wall session in dashboard-ui (DESIGN.md §3: 500 wall sessions at ≤ 512 KB each). It starts the
 * whole system as the launcher does (fresh embedded PostgreSQL and Redis, backend, mobile-api and dashboard-ui as
 * child processes, the traffic simulator at {@code --load}), then opens wall sessions against 127.0.0.1 the way
 * Vaadin's own client does, without a browser: {@code GET /wall?token=…} (the bootstrap page and the HTTP
 * session), {@code GET /?v-r=init&location=wall&query=…} (the server creates the UI and answers its id, CSRF key
 * and push id), the {@code ui-navigate} event as a UIDL request (the server runs the router: the kiosk gate admits
 * the token and {@code WallView} attaches and subscribes to {@code LiveWall}) and, with {@code --push on}, the
 * Atmosphere WebSocket at {@code /VAADIN/push} that the server pushes every frame through. Each session has its own
 * cookie, so each is its own HTTP session, VaadinSession and UI, as a kiosk browser is.
 *
 * <p>For every level of {@code --sessions} (opened cumulatively) it reads dashboard-ui's live heap with
 * {@code jcmd GC.class_histogram} (which runs a full GC first) right after opening and again after {@code --hold}
 * seconds of frames, counts {@code WallView}, {@code UI}, {@code VaadinSession} and push connections there to prove
 * the sessions exist on the server, and reports bytes per session against the histogram taken before any session.
 * It ends with the classes that grew most. The browser's own work (rendering, the chart) is not in it: this is
 * the server's memory. Bounded in count and time ({@code --max-seconds}), loopback only; not a test: see
 * docs/benchmarks.md.
 *
 * <p>{@code --push off} opens the same sessions without their WebSocket (a kiosk whose push never connected: the
 * server queues changes for it). {@code --ack on} (the default) sends one empty UIDL request after the wall, as a
 * browser does: the wall asks for the result of its ticker script, so the browser answers once the wall is on screen
 * ({@code WallView#onAttach}), and the server keeps that short answer as the UI's last response instead of the wall's
 * first render. {@code --ack off} is a client that never sends anything after the wall.
 *
 * <p>Arguments: {@code [--sessions 100,250,500] [--hold 60] [--push on|off] [--ack on|off] [--load 3]
 * [--parallel 4] [--max-seconds 1500]}.
 */
final class WallSessionBenchmark {

    static final int MAX_SESSIONS = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KIOSK_TOKEN = "bench-kiosk";
    /** What a kiosk browser tells the server about itself in the init request (Flow.ts collectBrowserDetails). */
    private static final String BROWSER_DETAILS = "&v-sh=1080&v-sw=1920&v-wh=1080&v-ww=1920&v-bh=1080&v-bw=1920"
            + "&v-tzo=-480&v-dstd=0&v-rtzo=-480&v-tzid=Asia%2FShanghai&v-td=false&v-pr=1&v-wn=ROOT-kiosk";
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final LocalSystem system;
    private final boolean push;
    private final boolean ack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wall-heartbeats");
        t.setDaemon(true);
        return t;
    });
    private final List<Kiosk> kiosks = new ArrayList<>();

    private WallSessionBenchmark(LocalSystem system, boolean push, boolean ack) {
        this.system = system;
        this.push = push;
        this.ack = ack;
    }

    static void run(Path root, String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        List<Integer> levels = levels(opt.getOrDefault("sessions", "100,250,500"));
        int hold = Math.min(600, Integer.parseInt(opt.getOrDefault("hold", "60")));
        boolean push = !"off".equals(opt.getOrDefault("push", "on"));
        boolean ack = !"off".equals(opt.getOrDefault("ack", "on"));
        double load = Double.parseDouble(opt.getOrDefault("load", "3"));
        int parallel = Math.max(1, Math.min(16, Integer.parseInt(opt.getOrDefault("parallel", "4"))));
        long maxSeconds = Math.min(3_600, Long.parseLong(opt.getOrDefault("max-seconds", "1500")));

        Thread main = Thread.currentThread();
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                TimeUnit.SECONDS.sleep(maxSeconds);
                System.err.printf("wall-sessions: stopped after --max-seconds %d%n", maxSeconds);
                main.interrupt();
                main.join(TimeUnit.SECONDS.toMillis(90));
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path logs = Files.createDirectories(root.resolve("infra/local/.run/bench-logs"));
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, logs, services, LocalSystem.Ports.free(), KIOSK_TOKEN)
                        .asDeployed()) {
            system.start();
            TrafficSimulator simulator = new TrafficSimulator(system.backend(), system.mobile(),
                    new TrafficSimulator.Settings(load, load, 0));
            simulator.start();
            WallSessionBenchmark bench = new WallSessionBenchmark(system, push, ack);
            try {
                bench.measure(levels, hold, parallel, load);
            } finally {
                bench.closeAll();
                simulator.stop();
            }
        } finally {
            watchdog.interrupt();
        }
    }

    /** {@code "100,250,500"} → ascending distinct levels, each 1..{@value #MAX_SESSIONS}. */
    static List<Integer> levels(String spec) {
        List<Integer> levels = Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).distinct().sorted().toList();
        if (levels.isEmpty() || levels.getFirst() < 1 || levels.getLast() > MAX_SESSIONS) {
            throw new IllegalArgumentException("--sessions: levels between 1 and " + MAX_SESSIONS + ", e.g. 100,250,500");
        }
        return levels;
    }

    private void measure(List<Integer> levels, int hold, int parallel, double load) throws Exception {
        long pid = system.pid(LocalSystem.App.UI);
        System.out.printf("%nwall-sessions: dashboard-ui pid %d (-Xmx512m), push %s, %s, simulator load %.1f, hold %d "
                + "s, load average %s%n", pid, push ? "on (WebSocket)" : "OFF (UIs never connected)",
                ack ? "one empty UIDL request after the wall, as the browser answers the ticker script (--ack on)" : "no request after the wall (--ack off)", load,
                hold, loadAverage());
        // Let the simulator fill in the day and the wall's stream settle before the baseline.
        TimeUnit.SECONDS.sleep(30);
        ClassHistogram.of(jcmd(pid, "GC.class_histogram"));
        ClassHistogram baseline = ClassHistogram.of(jcmd(pid, "GC.class_histogram"));
        long baselineRss = rssKb(pid);
        System.out.printf("baseline (no wall session yet): live heap %,d KB, RSS %,d KB, %s%n",
                baseline.totalBytes() / 1024, baselineRss, counts(baseline));

        List<Row> rows = new ArrayList<>();
        ClassHistogram last = null;
        for (int level : levels) {
            long openStart = System.nanoTime();
            open(level - kiosks.size(), parallel);
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            ClassHistogram opened = ClassHistogram.of(jcmd(pid, "GC.class_histogram"));
            long framesBefore = frames();
            kiosks.forEach(k -> k.framesAtHoldStart = k.frames.get());
            long cpuBefore = cpuTicks(pid);
            long holdStart = System.nanoTime();
            TimeUnit.SECONDS.sleep(hold);
            double held = (System.nanoTime() - holdStart) / 1e9;
            double cpu = (cpuTicks(pid) - cpuBefore) / 100.0 / held;
            long frames = frames() - framesBefore;
            ClassHistogram after = ClassHistogram.of(jcmd(pid, "GC.class_histogram"));
            long rss = rssKb(pid);
            Row row = new Row(level, openSeconds, opened, after, rss, frames / (double) level / held, silent(), cpu,
                    loadAverage());
            System.out.printf("the wall's first UIDL response, which the server keeps as the UI's last response: "
                    + "%.0f KB a session as a Java String%s%n", kiosks.stream().mapToLong(k -> k.firstRenderBytes)
                    .average().orElse(0) / 1024, ack ? " (replaced by the answer to an empty request: --ack on)" : "");
            rows.add(row);
            System.out.printf("%,d sessions (opened in %.1f s): live heap %,d KB on opening, %,d KB after %d s "
                            + "→ %.0f KB per session; %s; %.2f frames per session per s, %d sessions without a "
                            + "frame during the hold, %d sockets failed or closed; dashboard-ui CPU %.2f cores; RSS %,d "
                            + "KB; load %s%n",
                    level, openSeconds, opened.totalBytes() / 1024, after.totalBytes() / 1024, hold,
                    perSessionKb(baseline.totalBytes(), after.totalBytes(), level), counts(after), row.framesPerSecond(),
                    row.silent(), broken(), cpu, rss, row.load());
            System.out.printf("  grew most during the hold (bytes per session): %s%n", after.growthSince(opened, 6)
                    .stream().map(g -> "%s %+,d (%+.1f instances)".formatted(g.className(), g.bytes() / level,
                            g.instances() / (double) level)).toList());
            last = after;
        }

        System.out.printf("%n| sessions | live heap on opening | after %d s of frames | KB per session "
                + "(after − baseline) / N | marginal KB per session | growth during hold, KB per session | "
                + "WallView / UI / VaadinSession / push connected | frames per session per s | dashboard-ui CPU "
                + "cores | RSS |%n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n", hold);
        long previousBytes = baseline.totalBytes();
        int previousLevel = 0;
        for (Row r : rows) {
            System.out.printf("| %,d | %,d KB | %,d KB | %.0f | %.0f | %+.1f | %s | %.2f | %.2f | %,d KB |%n",
                    r.sessions(), r.opened().totalBytes() / 1024, r.after().totalBytes() / 1024,
                    perSessionKb(baseline.totalBytes(), r.after().totalBytes(), r.sessions()),
                    perSessionKb(previousBytes, r.after().totalBytes(), r.sessions() - previousLevel),
                    perSessionKb(r.opened().totalBytes(), r.after().totalBytes(), r.sessions()),
                    countsCell(r.after()), r.framesPerSecond(), r.cpu(), r.rssKb());
            previousBytes = r.after().totalBytes();
            previousLevel = r.sessions();
        }
        System.out.printf("(baseline before any session: live heap %,d KB, RSS %,d KB)%n", baseline.totalBytes() / 1024,
                baselineRss);

        int n = levels.getLast();
        System.out.printf("%nWhat the %,d sessions hold (class histogram after − baseline, top 25 by bytes):%n", n);
        System.out.println("| class | instances per session | bytes per session |");
        System.out.println("| --- | --- | --- |");
        for (ClassHistogram.Growth g : last.growthSince(baseline, 25)) {
            System.out.printf("| `%s` | %.1f | %,d |%n", g.className(), g.instances() / (double) n, g.bytes() / n);
        }
        System.out.printf("%nload average at the end: %s%n", loadAverage());
    }

    private record Row(int sessions, double openSeconds, ClassHistogram opened, ClassHistogram after, long rssKb,
            double framesPerSecond, long silent, double cpu, String load) {
    }

    /** (to − from) / n in KB, the figure the design's 512 KB target is about. */
    static double perSessionKb(long fromBytes, long toBytes, int sessions) {
        if (sessions <= 0) {
            throw new IllegalArgumentException("no sessions to divide by");
        }
        return (toBytes - fromBytes) / 1024.0 / sessions;
    }

    private static String counts(ClassHistogram h) {
        return ("WallView %d, UI %d, VaadinSession %d, HTTP sessions %d, push connections %d (connected %d), LiveWall "
                + "subscriptions %d, state nodes %,d, scheduled tasks %,d").formatted(h.instances("com.hotlineops.dashboard.wall.WallView"),
                h.instances("com.vaadin.flow.component.UI"), vaadinSessions(h),
                h.instances("org.apache.catalina.session.StandardSession"),
                h.instances("com.vaadin.flow.server.communication.AtmospherePushConnection"),
                h.instances("org.atmosphere.cpr.AtmosphereResourceImpl"),
                h.instances("reactor.core.publisher.FluxPublishOn$PublishOnSubscriber"),
                h.instances("com.vaadin.flow.internal.StateNode"),
                h.instances("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask"));
    }

    private static String countsCell(ClassHistogram h) {
        return "%d / %d / %d / %d".formatted(h.instances("com.hotlineops.dashboard.wall.WallView"),
                h.instances("com.vaadin.flow.component.UI"), vaadinSessions(h),
                h.instances("org.atmosphere.cpr.AtmosphereResourceImpl"));
    }

    private static long vaadinSessions(ClassHistogram h) {
        return h.instances("com.vaadin.flow.server.VaadinSession") + h.instances(
                "com.vaadin.flow.spring.SpringVaadinSession");
    }

    /** Opens {@code count} more kiosks, {@code parallel} at a time; fails if any is not a live wall. */
    private void open(int count, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Kiosk>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opening.add(pool.submit(this::openKiosk));
            }
            for (Future<Kiosk> f : opening) {
                kiosks.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One kiosk browser: bootstrap page, UI init, navigation to the wall, then (with push on) the WebSocket. */
    private Kiosk openKiosk() throws Exception {
        URI ui = system.ui();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(ui.resolve("/wall?token=" + KIOSK_TOKEN))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("set-cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(m -> "JSESSIONID=" + m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie from /wall: " + page.statusCode()));

        String query = URLEncoder.encode("token=" + KIOSK_TOKEN, StandardCharsets.UTF_8);
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(ui.resolve("/?v-r=init&location=wall&query="
                + query + BROWSER_DETAILS)).header("cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (init.statusCode() != 200) {
            throw new IllegalStateException("UI init failed: " + init.statusCode() + " " + init.body());
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        int uiId = config.path("v-uiId").asInt();
        String csrf = config.path("uidl").path("Vaadin-Security-Key").asString();
        String pushId = config.path("uidl").path("Vaadin-Push-ID").asString();
        int heartbeat = config.path("heartbeatInterval").asInt(300);
        int syncId = config.path("uidl").path("syncId").asInt(0);

        String navigate = JSON.writeValueAsString(Map.of("csrfToken", csrf, "syncId", syncId, "clientId", 0,
                "rpc", List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", Map.of(
                        "route", "wall", "query", "token=" + KIOSK_TOKEN, "appShellTitle", "",
                        "historyState", Map.of("idx", 0), "trigger", "")))));
        HttpResponse<String> wall = http.send(HttpRequest.newBuilder(ui.resolve("/?v-r=uidl&v-uiId=" + uiId))
                .header("cookie", cookie).header("content-type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        if (wall.statusCode() != 200 || !wall.body().contains("\"wall-offered\"")) {
            throw new IllegalStateException("the wall did not attach: " + wall.statusCode() + " "
                    + wall.body().substring(0, Math.min(300, wall.body().length())));
        }

        Kiosk kiosk = new Kiosk(cookie, uiId, wall.body());
        if (ack) {
            // What a browser's next request (any click, any event) would do: the server answers it and keeps that
            // answer instead of the wall's first render.
            JsonNode rendered = JSON.readTree(wall.body());
            String empty = JSON.writeValueAsString(Map.of("csrfToken", csrf, "rpc", List.of(),
                    "syncId", rendered.path("syncId").asInt(), "clientId", rendered.path("clientId").asInt()));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ui.resolve("/?v-r=uidl&v-uiId=" + uiId))
                    .header("cookie", cookie).header("content-type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(empty)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || answer.body().contains("\"appError\"")) {
                throw new IllegalStateException("empty UIDL request refused: " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        if (push) {
            URI ws = URI.create("ws://" + ui.getAuthority() + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId="
                    + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                    + "&X-Atmosphere-Transport=websocket&Content-Type=application/json;%20charset=UTF-8"
                    + "&X-atmo-protocol=true");
            kiosk.socket = http.newWebSocketBuilder().header("cookie", cookie).connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(ws, kiosk).get(30, TimeUnit.SECONDS);
            // Atmosphere's first message is its handshake (tracking id | heartbeat | padding): the push is up.
            kiosk.handshake.get(30, TimeUnit.SECONDS);
        }
        // A browser sends a heartbeat every heartbeatInterval seconds; without it the server closes the UI.
        heartbeats.scheduleAtFixedRate(() -> heartbeat(kiosk), heartbeat, heartbeat,
                TimeUnit.SECONDS);
        return kiosk;
    }

    private void heartbeat(Kiosk kiosk) {
        try {
            http.send(HttpRequest.newBuilder(system.ui().resolve("/?v-r=heartbeat&v-uiId=" + kiosk.uiId))
                    .header("cookie", kiosk.cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            kiosk.errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Heap bytes of a String's characters: one a character when all are Latin-1 (compact strings), else two. */
    static long javaStringBytes(String s) {
        boolean latin1 = s.chars().allMatch(c -> c <= 0xFF);
        return (long) s.length() * (latin1 ? 1 : 2);
    }

    private long frames() {
        return kiosks.stream().mapToLong(k -> k.frames.get()).sum();
    }

    /** Kiosks that had no pushed frame during the hold (with push on, each should get one every second or so). */
    private long silent() {
        return push ? kiosks.stream().filter(k -> k.frames.get() == k.framesAtHoldStart).count() : kiosks.size();
    }

    /** Kiosks whose WebSocket failed or was closed by the server since opening. */
    private long broken() {
        return kiosks.stream().filter(k -> k.closedByServer || k.error != null).count();
    }

    private void closeAll() {
        heartbeats.shutdownNow();
        long errors = kiosks.stream().mapToLong(k -> k.errors.get()).sum();
        long closed = kiosks.stream().filter(k -> k.closedByServer).count();
        for (Kiosk k : kiosks) {
            if (k.socket != null) {
                k.socket.abort();
            }
        }
        System.out.printf("closed %d kiosks (push errors or heartbeat failures: %d, sockets closed by the server: %d)%n",
                kiosks.size(), errors, closed);
        kiosks.stream().map(k -> k.error).filter(e -> e != null).distinct().limit(5)
                .forEach(e -> System.out.println("  socket error: " + e));
        kiosks.clear();
    }

    /** One kiosk browser's connection state as seen by the harness. */
    private static final class Kiosk implements WebSocket.Listener {

        final String cookie;
        final int uiId;
        /** What the wall's first UIDL response takes as a Java String (the server keeps its last response per UI). */
        final long firstRenderBytes;
        final CompletableFuture<Void> handshake = new CompletableFuture<>();
        final AtomicLong frames = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile boolean closedByServer;
        volatile String error;
        volatile long framesAtHoldStart;

        Kiosk(String cookie, int uiId, String firstRender) {
            this.cookie = cookie;
            this.uiId = uiId;
            this.firstRenderBytes = javaStringBytes(firstRender);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (!handshake.isDone()) {
                    handshake.complete(null);
                } else if (message.contains("\"sessionExpired\"") || message.contains("\"appError\"")) {
                    errors.incrementAndGet();
                } else if (message.startsWith("{")) {
                    frames.incrementAndGet();
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedByServer = true;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            errors.incrementAndGet();
            this.error = error.toString();
            handshake.completeExceptionally(error);
        }
    }

    /**
     * A parsed {@code jcmd <pid> GC.class_histogram}: live instances and bytes per class (the command runs a full GC
     * first) and the total.
     */
    record ClassHistogram(Map<String, long[]> classes, long totalInstances, long totalBytes) {

        private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        private static final Pattern TOTAL = Pattern.compile("^\\s*Total\\s+(\\d+)\\s+(\\d+)");

        /** A class's change between two histograms. */
        record Growth(String className, long instances, long bytes) {
        }

        static ClassHistogram of(String output) {
            Map<String, long[]> classes = new LinkedHashMap<>();
            long instances = -1;
            long bytes = -1;
            for (String line : output.split("\\R")) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    // The same name can appear twice (one class loaded by two loaders): count both.
                    classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                    continue;
                }
                Matcher t = TOTAL.matcher(line);
                if (t.find()) {
                    instances = Long.parseLong(t.group(1));
                    bytes = Long.parseLong(t.group(2));
                }
            }
            if (bytes < 0 || classes.isEmpty()) {
                throw new IllegalArgumentException("not a class histogram: "
                        + output.substring(0, Math.min(200, output.length())));
            }
            return new ClassHistogram(Map.copyOf(classes), instances, bytes);
        }

        long instances(String className) {
            return Optional.ofNullable(classes.get(className)).map(c -> c[0]).orElse(0L);
        }

        long bytes(String className) {
            return Optional.ofNullable(classes.get(className)).map(c -> c[1]).orElse(0L);
        }

        /** The {@code limit} classes whose bytes grew most since {@code before}, largest first. */
        List<Growth> growthSince(ClassHistogram before, int limit) {
            return classes.keySet().stream()
                    .map(name -> new Growth(name, instances(name) - before.instances(name),
                            bytes(name) - before.bytes(name)))
                    .filter(g -> g.bytes() > 0)
                    .sorted(Comparator.comparingLong(Growth::bytes).reversed().thenComparing(Growth::className))
                    .limit(limit)
                    .toList();
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1);
    }

    /** User plus system CPU time of a process in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
