package com.hotlineops.local;

import java.io.IOException;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used so far by each part of a benchmark run on one Linux machine: this JVM (the load generator), an app,
 * PostgreSQL (the postmaster and all its processes, those that have exited included) and Redis (its own
 * {@code INFO cpu}). On a shared machine a run's wall-clock speed depends on what else runs; the CPU time each part
 * spends per event does much less, so two versions can be compared by it even while other builds run (sample before
 * and after, and {@link #minus} the two).
 *
 * <p>Read from {@code /proc}: a process's {@code utime + stime}, plus {@code cutime + cstime} for the postmaster,
 * which reaps its exited backends. A part that cannot be read (no {@code /proc}, PostgreSQL or Redis on another
 * host) is {@code null}.
 */
record CpuUse(Duration loadGenerator, Duration app, Duration postgres, Duration redis) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}; 100 on Linux here). */
    private static final long TICKS_PER_SECOND = 100;

    /**
     * @param appPid    the app's process
     * @param jdbcUrl   to find the postmaster (the parent of this connection's backend); only a local one is read
     * @param redisUrl  {@code redis://host:port} of the Redis to ask
     */
    static CpuUse sample(long appPid, String jdbcUrl, String user, String password, String redisUrl) {
        return new CpuUse(ownTicks(ProcessHandle.current().pid()), ownTicks(appPid), postgres(jdbcUrl, user, password),
                redis(redisUrl));
    }

    CpuUse minus(CpuUse before) {
        return new CpuUse(diff(loadGenerator, before.loadGenerator), diff(app, before.app),
                diff(postgres, before.postgres), diff(redis, before.redis));
    }

    private static Duration diff(Duration after, Duration before) {
        return after == null || before == null ? null : after.minus(before);
    }

    /** "load generator 12 ms, backend 40 ms, …" per {@code events / 1,000}, and the cores busy over {@code seconds}. */
    String perThousand(long events, double seconds, String appName) {
        Duration total = Stream.of(loadGenerator, app, postgres, redis).filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus);
        return "load generator %s, %s %s, PostgreSQL %s, Redis %s; together %s ms (%.2f cores busy on average)"
                .formatted(ms(loadGenerator, events), appName, ms(app, events), ms(postgres, events),
                        ms(redis, events), ms(total, events).replace(" ms", ""),
                        total.toNanos() / 1e9 / seconds);
    }

    private static String ms(Duration d, long events) {
        return d == null ? "n/a" : "%.1f ms".formatted(d.toNanos() / 1e6 * 1000 / events);
    }

    private static Duration ownTicks(long pid) {
        long[] t = stat(pid);
        return t == null ? null : ticks(t[0] + t[1]);
    }

    /** The postmaster's own time and its reaped children's, plus each live child's. */
    private static Duration postgres(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.contains("//127.0.0.1:") && !jdbcUrl.contains("//localhost:")) {
            return null;
        }
        long postmaster;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            // Read while connected: the backend process ends with its connection.
            long[] backend = stat(r.getLong(1));
            if (backend == null) {
                return null;
            }
            postmaster = backend[4];
        } catch (SQLException e) {
            return null;
        }
        long[] root = stat(postmaster);
        if (root == null) {
            return null;
        }
        long ticks = root[0] + root[1] + root[2] + root[3];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            ticks += procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(n -> stat(Long.parseLong(n)))
                    .filter(t -> t != null && t[4] == postmaster)
                    .mapToLong(t -> t[0] + t[1])
                    .sum();
        } catch (IOException e) {
            return null;
        }
        return ticks(ticks);
    }

    /** {@code used_cpu_sys + used_cpu_user} from the server's {@code INFO cpu}, over a plain socket. */
    private static Duration redis(String redisUrl) {
        URI uri = URI.create(redisUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("INFO cpu\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The answer is one bulk string: "$<length>\r\n", then that many bytes.
            DataInputStream in = new DataInputStream(socket.getInputStream());
            StringBuilder header = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return null;
                }
                header.append((char) c);
            }
            if (header.charAt(0) != '$') {
                return null;
            }
            byte[] body = new byte[Integer.parseInt(header.substring(1).trim())];
            in.readFully(body);
            String reply = new String(body, StandardCharsets.US_ASCII);
            double seconds = 0;
            for (String line : reply.split("\r\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
                }
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime, stime, cutime, cstime and the parent's pid of a process, or null when it cannot be read. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Duration ticks(long ticks) {
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
