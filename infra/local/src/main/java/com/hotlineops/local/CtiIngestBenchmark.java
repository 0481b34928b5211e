package com.hotlineops.local;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded loopback load generator for {@code POST /api/v1/cti/events}: it starts fresh embedded PostgreSQL and
 * Redis and the backend jar, then posts a fixed number of new CTI events (calls offered, answered and ended; one in
 * five with a caller number by default, one in ten abandoned) as NDJSON batches with a fixed number of requests in flight, and
 * prints durable events per second and request latency percentiles. Not a test: see docs/benchmarks.md for the
 * command and results.
 *
 * <p>Arguments: {@code [root] [--events 200000] [--batch 500] [--concurrency 8] [--warmup 20000]
 * [--caller-every 5]} (0: no caller numbers, so no callback work).
 */
public final class CtiIngestBenchmark {

    private CtiIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        int events = Integer.parseInt(opt.getOrDefault("events", "200000"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "500"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "8"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "20000"));
        int callersEvery = Integer.parseInt(opt.getOrDefault("caller-every", "5"));

        Path logs = root.resolve("infra/local/.run/bench-logs");
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, logs, services, LocalSystem.Ports.free(), "bench")
                        .asDeployed()) {
            system.startBackendOnly();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            JsonMapper json = JsonMapper.builder().build();
            URI backend = system.backend();
            String token = login(http, json, backend, "cti");
            // The baseline before and after the run: the machine is shared, so its speed may change meanwhile.
            double baselineBefore = postgresBaseline(services, events, 1_000);
            run(http, json, backend, token, bodies(json, warmup, batch, callersEvery), concurrency, "warm-up");
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            CpuUse cpuBefore = cpu(system, services);
            Result r = run(http, json, backend, token, bodies(json, events, batch, callersEvery), concurrency,
                    "measured");
            CpuUse cpu = cpu(system, services).minus(cpuBefore);
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("%nCTI ingest: %d events in batches of %d, %d requests in flight, caller number on %s%n",
                    events, batch, concurrency, callersEvery == 0 ? "no call" : "1 call in " + callersEvery);
            System.out.printf("  %.0f durable events/s (%d stored, %d errors) in %.2f s%n",
                    r.stored() / r.seconds(), r.stored(), r.errors(), r.seconds());
            System.out.printf("  request latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", r.percentile(50),
                    r.percentile(90), r.percentile(99), r.percentile(100));
            System.out.printf("  load average (1 min) %.2f before the measured part, %.2f after%n", loadBefore,
                    loadAfter);
            System.out.printf("  CPU per 1,000 events: %s%n", cpu.perThousand(r.stored(), r.seconds(), "backend"));
            double baselineAfter = postgresBaseline(services, events, 1_000);
            double baseline = (baselineBefore + baselineAfter) / 2;
            System.out.printf("  PostgreSQL alone, the same number of rows by multi-row INSERT over JDBC: %.0f rows/s"
                    + " before, %.0f after → ingest is %.0f %% of their mean%n", baselineBefore, baselineAfter,
                    100 * r.stored() / r.seconds() / baseline);
        }
    }

    private static CpuUse cpu(LocalSystem system, EmbeddedServices services) {
        return CpuUse.sample(system.pid(LocalSystem.App.BACKEND), services.jdbcUrl(), services.dbUser(),
                services.dbPassword(), services.redisUrl());
    }

    private record Result(long stored, long errors, double seconds, double[] latenciesMs) {

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, i))];
        }
    }

    private static Result run(HttpClient http, JsonMapper json, URI backend, String token, List<String> bodies,
            int concurrency, String label) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong stored = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        double[] latencies = new double[bodies.size()];
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            inFlight.acquire();
            int index = i;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(backend.resolve("/api/v1/cti/events"))
                    .header("authorization", "Bearer " + token)
                    .header("content-type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                latencies[index] = (System.nanoTime() - sent) / 1e6;
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    stored.addAndGet(json.readTree(response.body()).path("accepted").asLong());
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%s: %d events stored in %.2f s%n", label, stored.get(), seconds);
        return new Result(stored.get(), errors.get(), seconds, latencies);
    }

    /** NDJSON bodies of about {@code batch} new events each: whole calls, so the figures and callbacks do real work. */
    private static List<String> bodies(JsonMapper json, int events, int batch, int callersEvery) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        List<String> bodies = new ArrayList<>();
        List<CtiEvent> current = new ArrayList<>();
        int made = 0;
        for (int call = 0; made < events; call++) {
            String id = "bench-" + run + "-" + call;
            CallQueue queue = call % 8 == 0 ? CallQueue.ENTERPRISE : CallQueue.GENERAL;
            String caller = callersEvery > 0 && call % callersEvery == 0 ? "139%08d".formatted(call % 100_000_000)
                    : null;
            Instant offered = base.plusMillis(call % 3_000_000);
            current.add(CtiEvent.call(id + "-o", CtiEventType.CALL_OFFERED, id, queue, offered, caller, null));
            if (call % 10 == 0) {
                current.add(CtiEvent.call(id + "-x", CtiEventType.CALL_ABANDONED, id, queue, offered.plusSeconds(40),
                        null, null));
                made += 2;
            } else {
                current.add(CtiEvent.call(id + "-a", CtiEventType.CALL_ANSWERED, id, queue, offered.plusSeconds(9),
                        null, "a" + call % 40));
                current.add(CtiEvent.call(id + "-e", CtiEventType.CALL_ENDED, id, queue, offered.plusSeconds(200),
                        null, "a" + call % 40));
                made += 3;
            }
            if (current.size() >= batch) {
                bodies.add(current.stream().map(json::writeValueAsString).collect(Collectors.joining("\n")));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            bodies.add(current.stream().map(json::writeValueAsString).collect(Collectors.joining("\n")));
        }
        return bodies;
    }

    /**
     * The ceiling DESIGN.md §3 compares against: the same number of rows into a copy of {@code call_event} by
     * multi-row INSERT (batches of {@code batch} rows, each its own transaction) over JDBC, straight into PostgreSQL.
     * The copy is dropped afterwards, so each measurement starts from an empty table.
     */
    static double postgresBaseline(EmbeddedServices services, int rows, int batch) throws SQLException {
        try (Connection c = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword())) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_call_event (like call_event including all)");
            }
            StringBuilder sql = new StringBuilder("insert into bench_call_event (event_id, type, call_id, queue, "
                    + "occurred_at, caller_number, agent_id, agent_state) values ");
            for (int i = 0; i < batch; i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?)");
            }
            sql.append(" on conflict (event_id) do nothing");
            Timestamp at = Timestamp.from(Instant.now());
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int done = 0; done + batch <= rows; done += batch) {
                    for (int i = 0; i < batch; i++) {
                        int p = i * 8;
                        String id = UUID.randomUUID().toString();
                        ps.setString(p + 1, id);
                        ps.setString(p + 2, "CALL_OFFERED");
                        ps.setString(p + 3, id);
                        ps.setString(p + 4, "GENERAL");
                        ps.setTimestamp(p + 5, at);
                        ps.setString(p + 6, "13800138000");
                        ps.setString(p + 7, null);
                        ps.setString(p + 8, null);
                    }
                    ps.executeUpdate();
                }
            }
            double perSecond = (rows / batch) * batch / ((System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_call_event");
            }
            return perSecond;
        }
    }

    /** An access token of a demo user (password: username + "-demo"). */
    static String login(HttpClient http, JsonMapper json, URI backend, String username) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(backend.resolve("/api/v1/auth/token"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        TokenRequest.password(username, username + "-demo")))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = json.readTree(r.body());
        return json.treeToValue(body, TokenResponse.class).accessToken();
    }
}
