package com.hotlineops.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on one machine: PostgreSQL and Redis (embedded unless {@code HOTLINE_DB_HOST} /
 * {@code HOTLINE_REDIS_URL} name external ones), the three apps as child processes ({@link LocalSystem}), the demo
 * organisation and the traffic simulator. Ctrl-C stops the simulator, the apps and the servers, in that order, and
 * removes the embedded database's data.
 *
 * <p>Usage: {@code java -jar local-exec.jar [repository root]}; {@code infra/run.sh} builds and starts it.
 * {@code java -jar local-exec.jar cti-load …}, {@code kb-load …}, {@code feed-load …}, {@code wall-load …},
 * {@code wall-sessions …} and {@code wall-browser …} run the benchmarks instead ({@link CtiIngestBenchmark},
 * {@link KnowledgeLoad}, {@link MobileFeedLoad}, {@link WallLatencyBenchmark}, {@link WallSessionBenchmark},
 * {@link WallBrowserBenchmark}).
 */
public final class LocalLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);

    private final Path root;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile EmbeddedServices services;
    private volatile LocalSystem system;
    private volatile TrafficSimulator simulator;

    LocalLauncher(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        // Embedded PostgreSQL echoes the server's own log at INFO; the apps' logs are where the story is.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.WARN);
        if (args.length > 0 && (args[0].equals("cti-load") || args[0].equals("kb-load")
                || args[0].equals("feed-load") || args[0].equals("wall-load")
                || args[0].equals("wall-sessions") || args[0].equals("wall-browser"))) {
            Path here = Path.of(".").toAbsolutePath().normalize();
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (args[0].equals("cti-load")) {
                String[] withRoot = new String[rest.length + 1];
                withRoot[0] = here.toString();
                System.arraycopy(rest, 0, withRoot, 1, rest.length);
                CtiIngestBenchmark.main(withRoot);
            } else if (args[0].equals("feed-load")) {
                MobileFeedLoad.run(here, rest);
            } else if (args[0].equals("wall-load")) {
                WallLatencyBenchmark.run(here, rest);
            } else if (args[0].equals("wall-sessions")) {
                WallSessionBenchmark.run(here, rest);
            } else if (args[0].equals("wall-browser")) {
                WallBrowserBenchmark.run(here, rest);
            } else {
                KnowledgeLoad.run(here, rest);
            }
            System.exit(0);
        }
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalLauncher launcher = new LocalLauncher(root);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-stop"));
        int code;
        try {
            code = launcher.run();
        } catch (RuntimeException e) {
            log.error("Could not start Hotline Ops: {}", e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    int run() throws Exception {
        Path runDir = root.resolve("infra/local/.run");
        services = EmbeddedServices.forRunning(runDir);
        String kiosk = env("HOTLINE_WALL_KIOSK_TOKEN", "kiosk-demo");
        system = new LocalSystem(root, runDir.resolve("logs"), services, LocalSystem.Ports.fromEnvironment(), kiosk)
                .start();
        boolean simulate = !"false".equalsIgnoreCase(System.getenv("HOTLINE_SIMULATOR"));
        if (simulate) {
            simulator = new TrafficSimulator(system.backend(), system.mobile(), new TrafficSimulator.Settings(
                    Double.parseDouble(env("HOTLINE_SIMULATOR_LOAD", "1")),
                    Double.parseDouble(env("HOTLINE_SIMULATOR_ENTERPRISE_LOAD", "1")),
                    Double.parseDouble(env("HOTLINE_SIMULATOR_SPEED", "0"))));
            simulator.start();
        }
        printBanner(system.ports(), kiosk, runDir, simulate);
        while (!stopping.get()) {
            Optional<LocalSystem.App> dead = system.exited();
            if (dead.isPresent() && !stopping.get()) {
                log.error("{} exited; stopping everything. Its log: {}", dead.get(), system.logOf(dead.get()));
                return 1;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return 0;
    }

    /** Stops the simulator, then the apps, then PostgreSQL and Redis. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping…");
        if (simulator != null) {
            simulator.stop();
        }
        if (system != null) {
            system.close();
        }
        if (services != null) {
            services.close();
        }
        log.info("Stopped.");
    }

    private void printBanner(LocalSystem.Ports p, String kiosk, Path runDir, boolean simulate) {
        System.out.println("""

                ──────────────────────────────────────────────────────────────────────────────
                 Hotline Ops is running%s
                   Consoles         http://localhost:%d/   (sign in as one of the demo logins below)
                   Wall (kiosk)     http://localhost:%d/wall?token=%s
                   Backend API      http://localhost:%d   (OpenAPI: http://localhost:%d/swagger-ui.html)
                   Backend RSocket  tcp://localhost:%d   (route wall.frames)
                   Mobile API       http://localhost:%d   (RSocket ws://localhost:%d/rsocket, tcp://localhost:%d)
                   PostgreSQL       %s (%s)
                   Redis            %s (%s)
                   Logs             %s
                 Demo logins (password = username + "-demo", e.g. worker1 / worker1-demo):
                   admin, agent1, director1, dispatcher1, supervisor1, auditor1, revisit1,
                   wall (kiosk stream), cti (telephone platform), handler-t01 (城关街道),
                   worker1, worker2 (城关街道第一网格), worker3 (第二网格), worker4 (东湖镇第一网格)
                 Ctrl-C stops everything.
                ──────────────────────────────────────────────────────────────────────────────
                """.formatted(simulate ? ", with simulated traffic" : "", p.ui(), p.ui(), kiosk, p.backend(), p.backend(),
                p.backendRsocket(), p.mobile(), p.mobile(), p.mobileRsocket(), services.jdbcUrl(),
                services.embeddedPostgres() ? "embedded" : "external", services.redisUrl(),
                services.embeddedRedis() ? "embedded" : "external", runDir.resolve("logs")));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
