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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three apps of Hotline Ops as child processes of this JVM, started from their executable jars against the
 * given PostgreSQL and Redis: the backend first (it migrates the schema and seeds the demo organisation), then
 * mobile-api and dashboard-ui. Used by the launcher and by the system tests.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    /** Ports of one running system. */
    public record Ports(int backend, int backendRsocket, int mobile, int mobileRsocket, int ui) {

        public static Ports fromEnvironment() {
            return new Ports(env("HOTLINE_BACKEND_PORT", 8080), env("HOTLINE_BACKEND_RSOCKET_PORT", 7000),
                    env("HOTLINE_MOBILE_PORT", 8081), env("HOTLINE_MOBILE_RSOCKET_PORT", 7001),
                    env("HOTLINE_UI_PORT", 8082));
        }

        public static Ports free() {
            return new Ports(EmbeddedServices.freePort(), EmbeddedServices.freePort(), EmbeddedServices.freePort(),
                    EmbeddedServices.freePort(), EmbeddedServices.freePort());
        }

        private static int env(String name, int fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
        }
    }

    public enum App {
        BACKEND("backend", "backend/server/target", "server-"),
        MOBILE("mobile-api", "mobile-api/target", "mobile-api-"),
        UI("dashboard-ui", "dashboard-ui/target", "dashboard-ui-");

        final String label;
        final String jarDir;
        final String jarPrefix;

        App(String label, String jarDir, String jarPrefix) {
            this.label = label;
            this.jarDir = jarDir;
            this.jarPrefix = jarPrefix;
        }
    }

    private final Path root;
    private final Path logDir;
    private final Ports ports;
    private final Map<String, String> environment;
    private final Map<App, Process> processes = new LinkedHashMap<>();
    private List<String> jvmOptions = QUICK_START;

    /**
     * The apps' JVM for the launcher and the system tests: the client compiler only, which starts the three apps
     * sooner and spends less of a small machine's CPU on compiling, at the price of slower code once warm.
     */
    private static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    /** The apps' JVM as deployed (infra/docker/Dockerfile): both compilers, for benchmarks. */
    private static final List<String> AS_DEPLOYED = List.of("-Xmx512m");

    /**
     * @param root      the repository root (where the apps' {@code target/} folders are)
     * @param logDir    each app's output goes to {@code <app>.log} here
     * @param services  PostgreSQL and Redis
     * @param kioskToken the secret a wall presents to open {@code /wall}
     */
    public LocalSystem(Path root, Path logDir, EmbeddedServices services, Ports ports, String kioskToken) {
        this.root = root;
        this.logDir = logDir;
        this.ports = ports;
        Map<String, String> env = new LinkedHashMap<>(services.environment());
        env.put("HOTLINE_DEMO", "true");
        env.put("HOTLINE_JWT_SECRET", Optional.ofNullable(System.getenv("HOTLINE_JWT_SECRET")).orElseGet(
                LocalSystem::randomSecret));
        env.put("HOTLINE_BACKEND_HOST", "127.0.0.1");
        env.put("HOTLINE_BACKEND_PORT", Integer.toString(ports.backend()));
        env.put("HOTLINE_BACKEND_RSOCKET_HOST", "127.0.0.1");
        env.put("HOTLINE_BACKEND_RSOCKET_PORT", Integer.toString(ports.backendRsocket()));
        env.put("HOTLINE_MOBILE_PORT", Integer.toString(ports.mobile()));
        env.put("HOTLINE_MOBILE_RSOCKET_PORT", Integer.toString(ports.mobileRsocket()));
        env.put("HOTLINE_UI_PORT", Integer.toString(ports.ui()));
        env.put("HOTLINE_WALL_KIOSK_TOKEN", kioskToken);
        // dashboard-ui signs console users in from loopback, naming the browser in X-Forwarded-For (decision 0037)
        env.put("HOTLINE_TRUSTED_PROXIES", "127.0.0.1");
        this.environment = Map.copyOf(env);
    }

    /**
     * Runs the apps with the JIT they are deployed with instead of the quick-start one: benchmarks measure the code
     * that would run in production (before 2026-11-27 they ran the client compiler only; docs/benchmarks.md).
     */
    public LocalSystem asDeployed() {
        jvmOptions = AS_DEPLOYED;
        return this;
    }

    public Ports ports() {
        return ports;
    }

    /** The HMAC key the apps share for their tokens, e.g. for a load generator that mints phone tokens. */
    public String jwtSecret() {
        return environment.get("HOTLINE_JWT_SECRET");
    }

    /** The process id of a running app, e.g. to read its heap with {@code jcmd}. */
    public long pid(App app) {
        Process p = processes.get(app);
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(app.label + " is not running");
        }
        return p.pid();
    }

    public URI backend() {
        return URI.create("http://127.0.0.1:" + ports.backend());
    }

    public URI mobile() {
        return URI.create("http://127.0.0.1:" + ports.mobile());
    }

    public URI ui() {
        return URI.create("http://127.0.0.1:" + ports.ui());
    }

    /** Starts every app (with fresh logs) and waits until each answers its health check. */
    public LocalSystem start() throws IOException, InterruptedException {
        for (App app : App.values()) {
            jar(app);
        }
        Files.createDirectories(logDir);
        for (App app : App.values()) {
            Files.deleteIfExists(logOf(app));
        }
        start(App.BACKEND);
        awaitHealthy(App.BACKEND, ports.backend());
        start(App.MOBILE);
        start(App.UI);
        awaitHealthy(App.MOBILE, ports.mobile());
        awaitHealthy(App.UI, ports.ui());
        return this;
    }

    /** Starts only the backend (for benchmarks of its own paths), waiting for its health check. */
    public LocalSystem startBackendOnly() throws IOException, InterruptedException {
        jar(App.BACKEND);
        Files.createDirectories(logDir);
        Files.deleteIfExists(logOf(App.BACKEND));
        start(App.BACKEND);
        awaitHealthy(App.BACKEND, ports.backend());
        return this;
    }

    /** Starts one app (again, after {@link #stop(App)}), waiting for its health check. */
    public void restart(App app) throws IOException, InterruptedException {
        start(app);
        awaitHealthy(app, switch (app) {
            case BACKEND -> ports.backend();
            case MOBILE -> ports.mobile();
            case UI -> ports.ui();
        });
    }

    /** Stops one app as an operator would (SIGTERM, then SIGKILL after 20 s). */
    public void stop(App app) {
        Process p = processes.remove(app);
        if (p != null) {
            terminate(List.of(p));
        }
    }

    /** Whether the app was started and has not exited or been stopped. */
    public boolean isRunning(App app) {
        Process p = processes.get(app);
        return p != null && p.isAlive();
    }

    /** The first app found dead, if any. */
    public Optional<App> exited() {
        return processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).findFirst();
    }

    public Path logOf(App app) {
        return logDir.resolve(app.label + ".log");
    }

    private void start(App app) throws IOException {
        Path jar = jar(app);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        File logFile = logOf(app).toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile));
        log.info("Starting {} ({}), log: {}", app.label, root.relativize(jar), logFile);
        processes.put(app, pb.start());
    }

    private Path jar(App app) throws IOException {
        Path dir = root.resolve(app.jarDir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No build of " + app.label + " in " + dir + ": build first (see README)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(app.jarPrefix)
                            && p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + app.label + " in " + dir));
        }
    }

    private void awaitHealthy(App app, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Optional<App> dead = exited();
            if (dead.isPresent()) {
                throw new IllegalStateException(dead.get().label + " exited during start-up; see " + logOf(dead.get()));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    log.info("{} is up on port {}", app.label, port);
                    return;
                }
            } catch (IOException e) {
                log.trace("{} not listening yet: {}", app.label, e.toString());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(app.label + " did not become healthy within 3 minutes; see " + logOf(app));
    }

    /** Stops every app: SIGTERM to each and its descendants, SIGKILL to what is left after 20 s. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(processes.values());
        processes.clear();
        terminate(all);
    }

    private static void terminate(List<Process> all) {
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
