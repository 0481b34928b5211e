package com.hotlineops.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on one machine: PostgreSQL and Redis (embedded unless {@code HOTLINE_DB_HOST} /
 * {@code HOTLINE_REDIS_URL} name external ones), the backend, mobile-api and dashboard-ui as child processes from
 * their executable jars, the demo organisation and the traffic simulator. Ctrl-C stops the simulator, the apps
 * and the servers, in that order, and removes what it created.
 *
 * <p>Usage: {@code java -jar local-exec.jar [repository root]} (the README's run command builds and starts it).
 */
public final class LocalLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);

    record App(String name, String jarDir, String jarPrefix, int port) {
    }

    private final Path root;
    private final List<Process> children = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private EmbeddedServices services;
    private TrafficSimulator simulator;

    LocalLauncher(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalLauncher launcher = new LocalLauncher(root);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-stop"));
        int code = launcher.run();
        System.exit(code);
    }

    int run() throws Exception {
        int backendPort = port("HOTLINE_BACKEND_PORT", 8080);
        int mobilePort = port("HOTLINE_MOBILE_PORT", 8081);
        int uiPort = port("HOTLINE_UI_PORT", 8082);
        App backend = new App("backend", "backend/server/target", "server-", backendPort);
        App mobile = new App("mobile-api", "mobile-api/target", "mobile-api-", mobilePort);
        App ui = new App("dashboard-ui", "dashboard-ui/target", "dashboard-ui-", uiPort);
        for (App app : List.of(backend, mobile, ui)) {
            jar(app);
        }

        Path runDir = root.resolve("infra/local/.run");
        Files.createDirectories(runDir.resolve("logs"));
        services = EmbeddedServices.forRunning(runDir);

        Map<String, String> env = new LinkedHashMap<>(services.environment());
        env.put("HOTLINE_DEMO", "true");
        env.putIfAbsent("HOTLINE_JWT_SECRET", envOr("HOTLINE_JWT_SECRET", randomSecret()));
        env.put("HOTLINE_BACKEND_PORT", Integer.toString(backendPort));
        env.put("HOTLINE_BACKEND_RSOCKET_PORT", envOr("HOTLINE_BACKEND_RSOCKET_PORT", "7000"));
        env.put("HOTLINE_MOBILE_PORT", Integer.toString(mobilePort));
        env.put("HOTLINE_MOBILE_RSOCKET_PORT", envOr("HOTLINE_MOBILE_RSOCKET_PORT", "7001"));
        env.put("HOTLINE_UI_PORT", Integer.toString(uiPort));
        env.put("HOTLINE_BACKEND_HOST", "127.0.0.1");
        env.put("HOTLINE_BACKEND_RSOCKET_HOST", "127.0.0.1");
        env.put("HOTLINE_WALL_KIOSK_TOKEN", envOr("HOTLINE_WALL_KIOSK_TOKEN", "kiosk-demo"));

        // The backend migrates the schema and seeds the demo organisation; the others start once it is up.
        start(backend, env, runDir);
        awaitHealthy(backend);
        start(mobile, env, runDir);
        start(ui, env, runDir);
        awaitHealthy(mobile);
        awaitHealthy(ui);

        boolean simulate = !"false".equalsIgnoreCase(System.getenv("HOTLINE_SIMULATOR"));
        if (simulate) {
            simulator = new TrafficSimulator(URI.create("http://127.0.0.1:" + backendPort),
                    URI.create("http://127.0.0.1:" + mobilePort), speed());
            simulator.start();
        }
        printBanner(backendPort, mobilePort, uiPort, env, runDir, simulate);

        // Wait until any app exits; if it was not us stopping them, bring everything down.
        while (!stopping.get()) {
            for (int i = 0; i < children.size(); i++) {
                Process p = children.get(i);
                if (!p.isAlive() && !stopping.get()) {
                    log.error("An app exited with code {}; stopping everything. Logs: {}", p.exitValue(),
                            runDir.resolve("logs"));
                    return 1;
                }
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return 0;
    }

    private void start(App app, Map<String, String> env, Path runDir) throws IOException {
        Path jar = jar(app);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString());
        pb.environment().putAll(env);
        File logFile = runDir.resolve("logs").resolve(app.name() + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(logFile);
        log.info("Starting {} ({}), log: {}", app.name(), root.relativize(jar), logFile);
        children.add(pb.start());
    }

    private Path jar(App app) throws IOException {
        Path dir = root.resolve(app.jarDir());
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No build of " + app.name() + " in " + dir + ": build first (see README)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(app.jarPrefix())
                            && p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + app.name() + " in " + dir));
        }
    }

    private void awaitHealthy(App app) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + app.port() + "/actuator/health");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (children.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(app.name() + " or another app exited during start-up; see the logs");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    log.info("{} is up on port {}", app.name(), app.port());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(app.name() + " did not become healthy within 3 minutes");
    }

    /** Stops the simulator, then the apps (SIGTERM, then SIGKILL after 20 s), then PostgreSQL and Redis. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping…");
        if (simulator != null) {
            simulator.stop();
        }
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (services != null) {
            services.close();
        }
        log.info("Stopped.");
    }

    private void printBanner(int backendPort, int mobilePort, int uiPort, Map<String, String> env, Path runDir,
            boolean simulate) {
        String kiosk = env.get("HOTLINE_WALL_KIOSK_TOKEN");
        System.out.println("""

                ──────────────────────────────────────────────────────────────────────────
                 Hotline Ops is running%s
                   Wall (kiosk)     http://localhost:%d/wall?token=%s
                   Backend API      http://localhost:%d   (OpenAPI: /swagger-ui.html)
                   Backend RSocket  tcp://localhost:%s   (route wall.frames)
                   Mobile API       http://localhost:%d   (RSocket: ws://localhost:%d/rsocket, tcp://localhost:%s)
                   PostgreSQL       %s (%s)
                   Redis            %s (%s)
                   Logs             %s
                 Demo logins (password = username + "-demo", e.g. worker1 / worker1-demo):
                   admin, agent1, director1, dispatcher1, supervisor1, auditor1, revisit1,
                   wall (kiosk stream), cti (telephone platform), handler-t01 (城关街道),
                   worker1, worker2 (城关街道第一网格), worker3 (第二网格), worker4 (东湖镇第一网格)
                 Ctrl-C stops everything.
                ──────────────────────────────────────────────────────────────────────────
                """.formatted(simulate ? ", with simulated traffic" : "", uiPort, kiosk, backendPort,
                env.get("HOTLINE_BACKEND_RSOCKET_PORT"), mobilePort, mobilePort, env.get("HOTLINE_MOBILE_RSOCKET_PORT"),
                services.jdbcUrl(), services.embeddedPostgres() ? "embedded" : "external", services.redisUrl(),
                services.embeddedRedis() ? "embedded" : "external", runDir.resolve("logs")));
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(envOr(name, Integer.toString(fallback)));
    }

    private static double speed() {
        return Double.parseDouble(envOr("HOTLINE_SIMULATOR_SPEED", "1"));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
