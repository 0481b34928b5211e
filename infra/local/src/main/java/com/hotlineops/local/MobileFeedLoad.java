package com.hotlineops.local;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.ByteBufPayload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded loopback load generator for {@code mobile.feed} (DESIGN.md §3: ticket → phone p99 ≤ 500 ms, 10,000
 * concurrent phone feeds at ≤ 100 KB each). It starts fresh embedded PostgreSQL and Redis, the backend and
 * mobile-api, adds grids to the demo township, then holds {@code --feeds} concurrent feeds over RSocket TCP
 * ({@code --per-connection} feeds share one connection; 1 = one connection per phone, as phones do), each a grid
 * worker with a token minted with the deployment's key. It reads mobile-api's heap (after a full GC, with
 * {@code jcmd}) and resident size before and with the feeds open, then dispatches {@code --dispatches} tickets through
 * the backend at {@code --rate} per second to random grids and measures, for every phone of the grid, the time from
 * sending the dispatch request to the OFFERED item on the phone (HdrHistogram). It stops by itself, at the latest
 * after {@code --max-seconds}. Not a test: see docs/benchmarks.md for the command and results.
 *
 * <p>Arguments: {@code [--feeds 10000] [--grids 1000] [--per-connection 1] [--dispatches 300] [--rate 10]
 * [--max-seconds 900]}.
 */
final class MobileFeedLoad {

    private static final int MAX_FEEDS = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final LocalSystem system;
    private final EmbeddedServices services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    /** From the ticket's dispatch time as the backend stamped it (in its transaction) to the phone. */
    private final Histogram fromBackend = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    /** How long the dispatch request itself took (the backend's transaction), for reading the latency above. */
    private final Histogram dispatchRequest = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong feedErrors = new AtomicLong();
    private final List<RSocket> connections = new ArrayList<>();
    private final List<Disposable> feeds = new ArrayList<>();

    private MobileFeedLoad(LocalSystem system, EmbeddedServices services) {
        this.system = system;
        this.services = services;
    }

    static void run(Path root, String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        int feedCount = Integer.parseInt(opt.getOrDefault("feeds", "10000"));
        int gridCount = Integer.parseInt(opt.getOrDefault("grids", "1000"));
        int perConnection = Integer.parseInt(opt.getOrDefault("per-connection", "1"));
        int dispatches = Integer.parseInt(opt.getOrDefault("dispatches", "300"));
        double rate = Double.parseDouble(opt.getOrDefault("rate", "10"));
        long maxSeconds = Long.parseLong(opt.getOrDefault("max-seconds", "900"));
        if (feedCount < 1 || feedCount > MAX_FEEDS || gridCount < 1 || perConnection < 1 || rate <= 0) {
            throw new IllegalArgumentException("--feeds 1.." + MAX_FEEDS + ", --grids, --per-connection ≥ 1, --rate > 0");
        }

        // The whole run is bounded: a watchdog ends the process if it overruns, whatever it is waiting for.
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                TimeUnit.SECONDS.sleep(maxSeconds);
                System.err.printf("feed-load: stopped after --max-seconds %d%n", maxSeconds);
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Per-connection DEBUG lines of Netty and RSocket would cost more than the feeds being measured.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        Path logs = root.resolve("infra/local/.run/bench-logs");
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, logs, services, LocalSystem.Ports.free(), "bench")
                        .asDeployed()) {
            system.startBackendOnly();
            system.restart(LocalSystem.App.MOBILE);
            new MobileFeedLoad(system, services).measure(feedCount, gridCount, perConnection, dispatches, rate);
        } finally {
            watchdog.interrupt();
        }
    }

    private void measure(int feedCount, int gridCount, int perConnection, int dispatches, double rate)
            throws Exception {
        List<Grid> grids = createGrids(gridCount);
        String agent = backendToken("agent1");
        String dispatcher = backendToken("dispatcher1");
        long mobilePid = system.pid(LocalSystem.App.MOBILE);

        // Warm-up: a few feeds and dispatches, so that both JVMs have compiled the paths measured below.
        openFeeds(grids, 200, 10);
        dispatch(grids, 30, 10, agent, dispatcher);
        closeFeeds();
        latency.reset();
        fromBackend.reset();
        dispatchRequest.reset();
        delivered.set(0);
        dispatchedAt.clear();

        Memory before = memory(mobilePid);
        long openStart = System.nanoTime();
        Map<Grid, Integer> phonesPerGrid = openFeeds(grids, feedCount, perConnection);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        Memory with = memory(mobilePid);

        long expected = dispatch(grids, dispatches, rate, agent, dispatcher).stream()
                .mapToLong(g -> phonesPerGrid.getOrDefault(g, 0)).sum();
        Instant deadline = Instant.now().plusSeconds(15);
        while (delivered.get() < expected && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Memory after = memory(mobilePid);
        int connectionCount = connections.size();
        closeFeeds();

        System.out.printf("%nPhone feeds: %,d feeds of grid workers over %,d RSocket TCP connections (%d per "
                        + "connection), %,d grids, opened (LIVE received on all) in %.1f s%n", feedCount,
                connectionCount,
                perConnection, grids.size(), openSeconds);
        System.out.printf("  mobile-api heap after full GC: %,d KB before, %,d KB with the feeds open → %.1f KB per "
                        + "feed; after the dispatches %,d KB%n", before.heapKb(), with.heapKb(),
                (with.heapKb() - before.heapKb()) / (double) feedCount, after.heapKb());
        System.out.printf("  mobile-api resident set: %,d KB before, %,d KB with the feeds → %.1f KB per feed%n",
                before.rssKb(), with.rssKb(), (with.rssKb() - before.rssKb()) / (double) feedCount);
        System.out.printf("  %,d tickets dispatched at %.0f/s; OFFERED items on phones: %,d of %,d expected; feeds "
                + "ended with an error: %d%n", dispatches, rate, delivered.get(), expected, feedErrors.get());
        System.out.printf("  dispatch → phone latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (n=%d)%n",
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getMaxValue() / 1e3, latency.getTotalCount());
        System.out.printf("  from the backend's dispatch time (in its transaction) to the phone ms: p50 %.1f  p90 %.1f"
                        + "  p99 %.1f  max %.1f%n", fromBackend.getValueAtPercentile(50) / 1e3,
                fromBackend.getValueAtPercentile(90) / 1e3, fromBackend.getValueAtPercentile(99) / 1e3,
                fromBackend.getMaxValue() / 1e3);
        System.out.printf("  the dispatch request itself (backend) ms: p50 %.1f  p99 %.1f  max %.1f%n",
                dispatchRequest.getValueAtPercentile(50) / 1e3, dispatchRequest.getValueAtPercentile(99) / 1e3,
                dispatchRequest.getMaxValue() / 1e3);
        System.out.printf("  load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private record Grid(UUID unitId, UUID gridId) {
    }

    private record Memory(long heapKb, long rssKb) {
    }

    /** {@code count} grids of the demo township 城关街道 (T01), straight into PostgreSQL. */
    private List<Grid> createGrids(int count) throws SQLException {
        List<Grid> grids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword())) {
            UUID township;
            try (ResultSet r = c.createStatement().executeQuery("select id from org_unit where code = 'T01'")) {
                if (!r.next()) {
                    throw new IllegalStateException("the demo organisation is missing");
                }
                township = r.getObject(1, UUID.class);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into org_unit (id, parent_id, kind, code, name) values (?, ?, 'GRID', ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    ps.setObject(1, id);
                    ps.setObject(2, township);
                    ps.setString(3, "LOAD-G" + i + "-" + id.toString().substring(0, 8));
                    ps.setString(4, "压测网格" + i);
                    ps.addBatch();
                    grids.add(new Grid(township, id));
                }
                ps.executeBatch();
            }
        }
        return grids;
    }

    /** Opens {@code count} feeds, phone {@code i} in grid {@code i mod grids}, and waits until each is LIVE. */
    private Map<Grid, Integer> openFeeds(List<Grid> grids, int count, int perConnection) throws InterruptedException {
        CountDownLatch live = new CountDownLatch(count);
        Map<Grid, Integer> phones = new LinkedHashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        // Phones that share a connection share its token, so they are workers of one grid.
        Map<Integer, List<Integer>> byGrid = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byGrid.computeIfAbsent(i % grids.size(), g -> new ArrayList<>()).add(i);
        }
        byGrid.values().forEach(ids -> {
            for (int from = 0; from < ids.size(); from += perConnection) {
                groups.add(ids.subList(from, Math.min(ids.size(), from + perConnection)));
            }
        });
        int port = system.ports().mobileRsocket();
        List<RSocket> opened = Flux.fromIterable(groups)
                .flatMap(group -> {
                    Grid grid = grids.get(group.getFirst() % grids.size());
                    return connect(port, mintToken(grid)).map(rsocket -> {
                        synchronized (phones) {
                            phones.merge(grid, group.size(), Integer::sum);
                        }
                        List<Disposable> subscribed = new ArrayList<>();
                        for (int ignored : group) {
                            subscribed.add(feed(rsocket, live));
                        }
                        synchronized (feeds) {
                            feeds.addAll(subscribed);
                        }
                        return rsocket;
                    });
                }, 64)
                .collectList()
                .block(Duration.ofMinutes(10));
        connections.addAll(opened);
        if (!live.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(live.getCount() + " feeds did not reach LIVE");
        }
        return phones;
    }

    private Disposable feed(RSocket rsocket, CountDownLatch live) {
        return rsocket.requestStream(ByteBufPayload.create(Unpooled.wrappedBuffer(
                        "{\"cursor\":null}".getBytes(StandardCharsets.UTF_8)), routing("mobile.feed")))
                .subscribe(payload -> {
                    long now = System.nanoTime();
                    String data = payload.getDataUtf8();
                    payload.release();
                    JsonNode item = JSON.readTree(data);
                    String kind = item.path("kind").asString();
                    if (kind.equals("LIVE")) {
                        live.countDown();
                    } else if (kind.equals("OFFERED")) {
                        Long sent = dispatchedAt.get(item.path("ticket").path("id").asString());
                        if (sent != null) {
                            latency.recordValue(Math.max(0, (now - sent) / 1_000));
                            Instant stamped = Instant.parse(item.path("ticket").path("dispatchedAt").asString());
                            fromBackend.recordValue(Math.max(0,
                                    Duration.between(stamped, Instant.now()).toNanos() / 1_000));
                            delivered.incrementAndGet();
                        }
                    }
                }, e -> feedErrors.incrementAndGet());
    }

    private void closeFeeds() {
        feeds.forEach(Disposable::dispose);
        feeds.clear();
        connections.forEach(RSocket::dispose);
        connections.clear();
    }

    private static Mono<RSocket> connect(int port, String token) {
        CompositeByteBuf setup = ByteBufAllocator.DEFAULT.compositeBuffer();
        ByteBuf bearer = AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray());
        CompositeMetadataCodec.encodeAndAddMetadata(setup, ByteBufAllocator.DEFAULT,
                WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, bearer);
        return RSocketConnector.create()
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .dataMimeType(WellKnownMimeType.APPLICATION_JSON.getString())
                .setupPayload(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, setup))
                // A connection of its own each, as phones have: not reactor-netty's pool (16 connections by default).
                .connect(TcpClientTransport.create(TcpClient.newConnection().host("127.0.0.1").port(port)));
    }

    private static ByteBuf routing(String route) {
        CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT,
                WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                TaggingMetadataCodec.createRoutingMetadata(ByteBufAllocator.DEFAULT, List.of(route)).getContent());
        return metadata;
    }

    /**
     * An access token of a grid worker of {@code grid}, as the local issuer makes them (HS256 with the deployment's
     * key): a phone's feed needs no account row, only the token's grid.
     */
    private String mintToken(Grid grid) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "hotline-ops");
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + 3_600);
        claims.put("typ", "access");
        claims.put("preferred_username", "load-" + grid.gridId().toString().substring(0, 8));
        claims.put("roles", List.of("GRID_WORKER"));
        claims.put("unit", grid.unitId().toString());
        claims.put("grid", grid.gridId().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(system.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Dispatches {@code count} tickets at {@code rate} per second, each to a random grid, through the backend
     * (intake, submit, dispatch); returns the grid of each. The clock of a ticket starts just before its dispatch
     * request is sent.
     */
    private List<Grid> dispatch(List<Grid> grids, int count, double rate, String agent, String dispatcher)
            throws InterruptedException {
        List<Grid> targets = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            targets.add(grids.get(random.nextInt(grids.size())));
        }
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failures = new AtomicLong();
        long periodNanos = (long) (1e9 / rate);
        for (int i = 0; i < count; i++) {
            Grid grid = targets.get(i);
            pool.schedule(() -> {
                try {
                    dispatchOne(grid, agent, dispatcher);
                } catch (IOException | RuntimeException e) {
                    if (failures.incrementAndGet() == 1) {
                        System.out.println("  first failed dispatch: " + e.getMessage());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        done.await(10, TimeUnit.MINUTES);
        pool.shutdownNow();
        if (failures.get() > 0) {
            System.out.printf("  %d dispatches failed%n", failures.get());
        }
        return targets;
    }

    private void dispatchOne(Grid grid, String agent, String dispatcher) throws IOException, InterruptedException {
        URI backend = system.backend();
        Map<String, Object> intake = Map.of("channel", "HOTLINE", "title", "路灯不亮",
                "content", "小区门口的路灯坏了三天", "citizen", Map.of("phone", "13800138000"));
        String id = post(backend.resolve("/api/v1/intake"), agent, intake).path("ticket").path("id").asString();
        post(backend.resolve("/api/v1/tickets/" + id + "/submit"), agent, Map.of());
        long sent = System.nanoTime();
        dispatchedAt.put(id, sent);
        post(backend.resolve("/api/v1/tickets/" + id + "/dispatch"), dispatcher,
                Map.of("unitId", grid.unitId().toString(), "gridId", grid.gridId().toString(), "note", "压测"));
        dispatchRequest.recordValue((System.nanoTime() - sent) / 1_000);
    }

    private JsonNode post(URI uri, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(uri.getPath() + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private String backendToken(String username) throws IOException, InterruptedException {
        return post(system.backend().resolve("/api/v1/auth/token"), null,
                Map.of("username", username, "password", username + "-demo")).path("accessToken").asString();
    }

    /** Heap in use after two full collections ({@code jcmd GC.run}, {@code GC.heap_info}), and the resident set. */
    private static Memory memory(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap of process " + pid);
        }
        long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1);
        return new Memory(Long.parseLong(m.group(1)), rss);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
