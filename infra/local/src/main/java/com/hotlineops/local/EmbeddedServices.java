package com.hotlineops.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for a machine with none, or the external ones named by environment variables.
 *
 * <p>External servers: {@code HOTLINE_DB_HOST} (with {@code HOTLINE_DB_PORT}, {@code HOTLINE_DB_USER},
 * {@code HOTLINE_DB_PASSWORD}) and {@code HOTLINE_REDIS_URL}. For tests ({@link #forTests()}), the same variables
 * with the prefix {@code HOTLINE_TEST_}: each test JVM then creates its own database, dropped when it ends, and its
 * own Redis key prefix, so it never meets another run's state.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
    /** Ports are chosen from here up to the first ephemeral port ({@link #freePort()}). */
    private static final int FIRST_CHOSEN_PORT = 20_000;
    private static final int DEFAULT_EPHEMERAL_FROM = 32_768;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    /** Replaced when a fault test restarts Redis ({@link #startRedis()}). */
    private volatile RedisServer redis;
    private final boolean embeddedRedis;
    private final String dbHost;
    private final int dbPort;
    private final String dbName;
    private final String dbUser;
    private final String dbPassword;
    private final String redisUrl;
    private final String redisPrefix;
    private final boolean dropDatabaseOnClose;
    private final Path scratch;

    private EmbeddedServices(EmbeddedPostgres postgres, RedisServer redis, String dbHost, int dbPort, String dbName,
            String dbUser, String dbPassword, String redisUrl, String redisPrefix, boolean dropDatabaseOnClose) {
        this.postgres = postgres;
        this.redis = redis;
        this.embeddedRedis = redis != null;
        this.dbHost = dbHost;
        this.dbPort = dbPort;
        this.dbName = dbName;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.redisUrl = redisUrl;
        this.redisPrefix = redisPrefix;
        this.dropDatabaseOnClose = dropDatabaseOnClose;
        try {
            this.scratch = Files.createTempDirectory("hotline-files-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For running the system: external servers if configured, else embedded ones; database {@code hotline}. */
    public static EmbeddedServices forRunning(Path workDirectory) {
        return start("HOTLINE_", "hotline", "hotline:", false, workDirectory);
    }

    /** For one test JVM: a database and key prefix of its own. */
    public static EmbeddedServices forTests() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return start("HOTLINE_TEST_", "hotline_test_" + id, "test:" + id + ":", true, null);
    }

    /**
     * @param workDirectory where embedded PostgreSQL unpacks its binaries and keeps its data (removed on close);
     *                      null for the system's temporary directory
     */
    private static EmbeddedServices start(String envPrefix, String database, String redisPrefix, boolean fresh,
            Path workDirectory) {
        EmbeddedPostgres pg = null;
        RedisServer redis = null;
        try {
            String host = System.getenv(envPrefix + "DB_HOST");
            int port;
            String user;
            String password;
            if (host == null || host.isBlank()) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (workDirectory != null) {
                    builder.setOverrideWorkingDirectory(workDirectory.resolve("postgres").toFile());
                }
                pg = builder.start();
                host = "127.0.0.1";
                port = pg.getPort();
                user = "postgres";
                password = "";
                log.info("Started embedded PostgreSQL on port {}", port);
            } else {
                port = Integer.parseInt(env(envPrefix + "DB_PORT", "5432"));
                user = env(envPrefix + "DB_USER", "postgres");
                password = env(envPrefix + "DB_PASSWORD", "");
            }
            createDatabase(host, port, user, password, database, fresh);
            String redisUrl = System.getenv(envPrefix + "REDIS_URL");
            if (redisUrl == null || redisUrl.isBlank()) {
                int redisPort = freePort();
                redis = redisServer(redisPort);
                redis.start();
                redisUrl = "redis://127.0.0.1:" + redisPort;
                log.info("Started embedded Redis on port {}", redisPort);
            }
            return new EmbeddedServices(pg, redis, host, port, database, user, password, redisUrl, redisPrefix, fresh);
        } catch (IOException | SQLException | RuntimeException e) {
            stopQuietly(pg, redis);
            throw new IllegalStateException("Could not start PostgreSQL/Redis: " + e.getMessage(), e);
        }
    }

    /** The settings of the apps' {@code application.yaml}, as environment variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOTLINE_DB_HOST", dbHost);
        env.put("HOTLINE_DB_PORT", Integer.toString(dbPort));
        env.put("HOTLINE_DB_NAME", dbName);
        env.put("HOTLINE_DB_USER", dbUser);
        env.put("HOTLINE_DB_PASSWORD", dbPassword);
        env.put("HOTLINE_REDIS_URL", redisUrl);
        env.put("HOTLINE_REDIS_PREFIX", redisPrefix);
        String evidence = System.getenv("HOTLINE_EVIDENCE_DIR");
        env.put("HOTLINE_EVIDENCE_DIR", evidence == null || evidence.isBlank() ? evidenceDirectory().toString() : evidence);
        return env;
    }

    /** The same settings as Spring property names, for {@code @DynamicPropertySource}. */
    public Map<String, String> springProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hotline.db.host", dbHost);
        p.put("hotline.db.port", Integer.toString(dbPort));
        p.put("hotline.db.name", dbName);
        p.put("hotline.db.user", dbUser);
        p.put("hotline.db.password", dbPassword);
        p.put("hotline.redis.url", redisUrl);
        p.put("hotline.redis.prefix", redisPrefix);
        p.put("hotline.evidence.directory", evidenceDirectory().toString());
        return p;
    }

    /** Where the apps keep photo evidence; like the embedded database, removed on close. */
    public Path evidenceDirectory() {
        return scratch.resolve("evidence");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String redisPrefix() {
        return redisPrefix;
    }

    public boolean embeddedPostgres() {
        return postgres != null;
    }

    public boolean embeddedRedis() {
        return embeddedRedis;
    }

    private static RedisServer redisServer(int port) throws IOException {
        return RedisServer.builder().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
    }

    /** Stops the embedded Redis alone (an outage, for fault tests); PostgreSQL keeps running. */
    public synchronized void stopRedis() {
        if (!embeddedRedis) {
            throw new IllegalStateException("Redis is external here: stop it from outside");
        }
        RedisServer r = redis;
        redis = null;
        stopQuietly(null, r);
    }

    /**
     * Starts the embedded Redis again on its port after {@link #stopRedis()}: empty, as a Redis without persistence
     * comes back.
     */
    public synchronized void startRedis() {
        if (!embeddedRedis || redis != null) {
            throw new IllegalStateException("No stopped embedded Redis to start");
        }
        try {
            RedisServer r = redisServer(java.net.URI.create(redisUrl).getPort());
            r.start();
            redis = r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the embedded PostgreSQL alone (an outage, for fault tests); Redis keeps running. */
    public void stopPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external here: stop it from outside");
        }
        stopQuietly(postgres, null);
    }

    @Override
    public void close() {
        if (dropDatabaseOnClose && postgres == null) {
            try (Connection c = DriverManager.getConnection(adminUrl(dbHost, dbPort), dbUser, dbPassword);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + dbName + " with (force)");
            } catch (SQLException e) {
                log.warn("Could not drop test database {}: {}", dbName, e.getMessage());
            }
        }
        stopQuietly(postgres, redis);
        deleteRecursively(scratch);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }

    private static void stopQuietly(EmbeddedPostgres pg, RedisServer redis) {
        if (redis != null) {
            try {
                redis.stop();
            } catch (RuntimeException e) {
                log.warn("Could not stop embedded Redis: {}", e.getMessage());
            }
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                log.warn("Could not stop embedded PostgreSQL: {}", e.getMessage());
            }
        }
    }

    private static void createDatabase(String host, int port, String user, String password, String name,
            boolean fresh) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl(host, port), user, password);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            boolean exists = rs.next();
            if (exists && fresh) {
                throw new IllegalStateException("test database " + name + " already exists");
            }
            if (!exists) {
                s.execute("create database " + name);
            }
        }
    }

    private static String adminUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * A port free now, below the kernel's range of ephemeral ports, and not handed out before by this JVM. A port from
     * that range (what {@code new ServerSocket(0)} gives) may meanwhile become the local end of any outgoing
     * connection — a database pool reconnecting, an HTTP client — so an app restarted on it later found it "already in
     * use" (a system test that stops and starts the apps failed so). Outgoing connections never take a port below the
     * range.
     */
    public static int freePort() {
        int below = ephemeralPortsFrom();
        for (int i = 0; i < 1_000; i++) {
            int port = FIRST_CHOSEN_PORT + RANDOM.nextInt(Math.max(1, below - FIRST_CHOSEN_PORT));
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return s.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768 by default), read by lines:
     * {@code Files.readString} gets one byte of it (the file reports size 0).
     */
    private static int ephemeralPortsFrom() {
        try {
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim()
                    .split("\\s+");
            int first = Integer.parseInt(range[0]);
            return first > FIRST_CHOSEN_PORT + 1_000 ? first : DEFAULT_EPHEMERAL_FROM;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_FROM;
        }
    }
}
