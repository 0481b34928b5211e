package com.hotlineops.local;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event → wall through the whole path to a real browser (DESIGN.md §3: p50 ≤ 200 ms, p99 ≤ 500 ms): fresh embedded
 * PostgreSQL and Redis, the backend, mobile-api and dashboard-ui as child processes and no simulated traffic; then
 * {@code infra/system-tests/src/test/node/wall-latency.bench.mjs} opens kiosk walls in headless Chromium, posts one
 * CALL_OFFERED at a steady rate and times each call from its POST to the wall's "offered" figure changing in each
 * browser (and to the next painted frame). {@link WallLatencyBenchmark} measures the same path up to the backend's
 * edge; the difference is dashboard-ui and the push to the browser. Bounded in count and time, loopback only; not a
 * test: see docs/benchmarks.md.
 *
 * <p>Needs node (20 or later) and Debian's chromium, as the browser system tests do; installs the node client's
 * packages with {@code npm install} when they are missing. Arguments: {@code [--walls 3] [--rate 20] [--seconds 60]
 * [--warmup 10]}.
 */
final class WallBrowserBenchmark {

    private static final String KIOSK_TOKEN = "bench-kiosk";

    private WallBrowserBenchmark() {
    }

    static void run(Path root, String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        int walls = Math.min(20, Integer.parseInt(opt.getOrDefault("walls", "3")));
        int rate = Math.min(200, Integer.parseInt(opt.getOrDefault("rate", "20")));
        int seconds = Math.min(600, Integer.parseInt(opt.getOrDefault("seconds", "60")));
        int warmup = Math.min(120, Integer.parseInt(opt.getOrDefault("warmup", "10")));

        Path node = root.resolve("infra/system-tests/src/test/node");
        if (!Files.isDirectory(node.resolve("node_modules/playwright-core"))) {
            exec(node, Duration.ofMinutes(5), Map.of(), List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        }
        Path logs = Files.createDirectories(root.resolve("infra/local/.run/bench-logs"));
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, logs, services, LocalSystem.Ports.free(), KIOSK_TOKEN)
                        .asDeployed()) {
            system.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String cti = CtiIngestBenchmark.login(http, JsonMapper.builder().build(), system.backend(), "cti");
            System.out.printf("wall-browser: %d walls, %d calls/s for %d s after %d s of warm-up; load average %s%n",
                    walls, rate, seconds, warmup, Files.readString(Path.of("/proc/loadavg")).strip());
            exec(node, Duration.ofSeconds(warmup + seconds + 180L), Map.of(
                    "UI_URL", system.ui().toString(),
                    "BACKEND_URL", system.backend().toString(),
                    "KIOSK_TOKEN", KIOSK_TOKEN,
                    "CTI_TOKEN", cti,
                    "WALLS", Integer.toString(walls),
                    "RATE", Integer.toString(rate),
                    "SECONDS", Integer.toString(seconds),
                    "WARMUP", Integer.toString(warmup)), List.of("node", "wall-latency.bench.mjs"));
            System.out.printf("load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** Runs a command in {@code dir} with the harness's output, failing when it fails or outlives {@code limit}. */
    private static void exec(Path dir, Duration limit, Map<String, String> environment, List<String> command)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue());
        }
    }
}
