package com.hotlineops.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load generator for CTI ingest (DESIGN.md §3 target: ≥ 5,000 durable events/s, aiming at half of what PostgreSQL
 * alone takes by multi-row INSERT on the same machine). It starts its own PostgreSQL, Redis and backend on loopback,
 * posts a bounded number of events in batches from a few concurrent clients, records each batch's latency, then
 * measures the PostgreSQL baseline: the same rows by multi-row INSERT over JDBC into a copy of the table.
 *
 * <p>{@code java -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar cti-load [events] [batch] [clients]}
 * (defaults 200000, 1000, 4). Stops by itself; sends traffic only to 127.0.0.1.
 */
final class CtiLoad {

    private CtiLoad() {
    }

    static void run(Path root, String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (events > 5_000_000 || batch < 1 || clients < 1 || clients > 64) {
            throw new IllegalArgumentException("events ≤ 5,000,000, batch ≥ 1, 1 ≤ clients ≤ 64");
        }
        JsonMapper json = JsonMapper.builder().build();
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, root.resolve("infra/local/.run/bench-logs"), services,
                        LocalSystem.Ports.free(), "unused").startBackendOnly()) {
            String token = token(system.backend(), json);
            List<byte[]> bodies = new ArrayList<>();
            Instant base = Instant.now().minus(Duration.ofHours(1));
            for (int sent = 0; sent < events; sent += batch) {
                bodies.add(body(json, Math.min(batch, events - sent), base));
            }
            // Warm-up: a tenth of the batches, not measured.
            post(system.backend(), token, bodies.subList(0, Math.max(1, bodies.size() / 10)), clients, null);
            Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
            long start = System.nanoTime();
            post(system.backend(), token, bodies, clients, latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = events / seconds;
            double baseline = postgresBaseline(services, events, batch);
            System.out.printf("""
                    CTI ingest: %,d events in batches of %,d from %d clients: %.1f s → %,.0f events/s
                      batch latency ms: p50 %.1f, p99 %.1f, max %.1f
                    PostgreSQL alone, same rows by multi-row INSERT over JDBC: %,.0f rows/s
                      ingest / baseline = %.0f %%
                    """, events, batch, clients, seconds, rate, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, baseline,
                    100 * rate / baseline);
        }
    }

    private static byte[] body(JsonMapper json, int n, Instant base) {
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i += 2) {
            String call = UUID.randomUUID().toString();
            list.add(java.util.Map.of("eventId", call + "-o", "type", "CALL_OFFERED", "callId", call,
                    "queue", "GENERAL", "occurredAt", base.toString(), "callerNumber", "13800138000"));
            if (i + 1 < n) {
                list.add(java.util.Map.of("eventId", call + "-a", "type", "CALL_ANSWERED", "callId", call,
                        "queue", "GENERAL", "occurredAt", base.plusSeconds(9).toString(), "agentId", "A01"));
            }
        }
        return json.writeValueAsBytes(list);
    }

    private static void post(URI backend, String token, List<byte[]> bodies, int clients, Histogram latency)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(backend.resolve("/api/v1/cti/events"))
                                .header("authorization", "Bearer " + token)
                                .header("content-type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IOException("CTI post answered " + r.statusCode() + ": " + r.body());
                        }
                        if (latency != null) {
                            latency.recordValue(System.nanoTime() - t0);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> w : workers) {
                w.get();
            }
        }
    }

    private static double postgresBaseline(EmbeddedServices services, int rows, int batch) throws SQLException {
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
            return (rows / batch) * batch / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String token(URI backend, JsonMapper json) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        backend.resolve("/api/v1/auth/token"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"cti\",\"password\":\"cti-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("accessToken").asString();
    }
}
