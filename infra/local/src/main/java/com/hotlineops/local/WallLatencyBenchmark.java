package com.hotlineops.local;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event → wall latency (DESIGN.md §3: p50 ≤ 200 ms, p99 ≤ 500 ms), measured where a dashboard-ui instance meets the
 * backend: fresh embedded PostgreSQL and Redis and the backend jar; {@code subscribers} RSocket subscriptions to
 * {@code wall.frames} (each a dashboard-ui instance, or a wall client); one CTI event ({@code CALL_OFFERED}) posted at a
 * steady rate for a fixed time. Every frame carries today's offered count, so the latency of event {@code n} is the
 * time from the start of its POST until a subscriber first receives a frame counting at least {@code n} calls: it
 * includes the durable write, the outbox relay, the Redis stream, the projection and the frame coalescing, for every
 * subscriber. The browser's last hop (dashboard-ui → push → screen) is not in it. Bounded in count and time, loopback
 * only; not a test: see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [--subscribers 50] [--rate 20] [--seconds 60] [--warmup 10]}.
 */
final class WallLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_LATENCY_MS = 60_000;

    private WallLatencyBenchmark() {
    }

    static void run(Path root, String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        int subscribers = Math.min(2_000, Integer.parseInt(opt.getOrDefault("subscribers", "50")));
        int rate = Math.min(1_000, Integer.parseInt(opt.getOrDefault("rate", "20")));
        int seconds = Math.min(600, Integer.parseInt(opt.getOrDefault("seconds", "60")));
        int warmup = Math.min(120, Integer.parseInt(opt.getOrDefault("warmup", "10")));

        Path logs = Files.createDirectories(root.resolve("infra/local/.run/bench-logs"));
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, logs, services, LocalSystem.Ports.free(), "bench")
                        .asDeployed()) {
            system.restart(LocalSystem.App.BACKEND);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI backend = system.backend();
            String cti = CtiIngestBenchmark.login(http, JSON, backend, "cti");
            String wall = CtiIngestBenchmark.login(http, JSON, backend, "wall");

            CountDownLatch snapshots = new CountDownLatch(subscribers);
            Probe probe = new Probe(snapshots);
            List<Disposable> streams = new ArrayList<>();
            List<RSocket> connections = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                RSocket rsocket = RSocketConnector.create()
                        .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                        .dataMimeType("application/json")
                        .connect(TcpClientTransport.create("127.0.0.1", system.ports().backendRsocket()))
                        .block(Duration.ofSeconds(10));
                connections.add(rsocket);
                Probe.Subscriber subscriber = probe.new Subscriber();
                streams.add(rsocket.requestStream(request(wall))
                        .subscribe(subscriber::frame, e -> System.err.println("stream: " + e)));
            }
            if (!snapshots.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every subscriber got its first frame");
            }
            System.out.printf("%d subscribers on wall.frames; posting %d events/s for %d s (+%d s warm-up)%n",
                    subscribers, rate, seconds, warmup);
            post(http, backend, cti, probe, rate, warmup);
            probe.reset();
            long posted = post(http, backend, cti, probe, rate, seconds);
            TimeUnit.SECONDS.sleep(2);
            Histogram h = probe.recorder.getIntervalHistogram();
            System.out.printf("%nEvent → wall frame, %d events × %d subscribers (%d deliveries measured, %d never "
                    + "seen within 2 s after the run):%n", posted, subscribers, h.getTotalCount(),
                    posted * subscribers - h.getTotalCount());
            System.out.printf("  ms: p50 %d  p90 %d  p99 %d  max %d%n", h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue());
            System.out.printf("  frames received per subscriber per second: %.1f%n",
                    probe.frames.get() / (double) subscribers / (seconds + 2));
            streams.forEach(Disposable::dispose);
            connections.forEach(RSocket::dispose);
        }
    }

    /** Posts one CALL_OFFERED a request, {@code rate} a second, for {@code seconds}; answers how many it posted. */
    private static long post(HttpClient http, URI backend, String token, Probe probe, int rate, int seconds)
            throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long count = (long) rate * seconds;
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String call = "wall-bench-" + run + "-" + i;
            String body = JSON.writeValueAsString(List.of(CtiEvent.call(call + "-o", CtiEventType.CALL_OFFERED, call,
                    CallQueue.GENERAL, Instant.now(), null, null)));
            long sent = System.nanoTime();
            probe.sent(sent);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(backend.resolve("/api/v1/cti/events"))
                    .header("authorization", "Bearer " + token).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("CTI post failed: " + r.statusCode() + " " + r.body());
            }
        }
        return count;
    }

    private static Payload request(String token) {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        CompositeByteBuf metadata = alloc.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, alloc, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                TaggingMetadataCodec.createRoutingMetadata(alloc, List.of("wall.frames")).getContent());
        ByteBuf bearer = AuthMetadataCodec.encodeBearerMetadata(alloc, token.toCharArray());
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, alloc, WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
                bearer);
        return DefaultPayload.create(Unpooled.EMPTY_BUFFER, metadata);
    }

    /**
     * Pairs frames with posted events by count: the {@code n}-th event posted since the first snapshot is seen by a
     * subscriber when a frame counts {@code base + n} calls offered today. Each subscriber is measured once per event.
     */
    private static final class Probe {

        final Recorder recorder = new Recorder(MAX_LATENCY_MS, 3);
        final AtomicLong frames = new AtomicLong();
        /** Send time (nanoTime) by the offered count that event makes. */
        private final ConcurrentSkipListMap<Long, Long> sentAt = new ConcurrentSkipListMap<>();
        private final AtomicLong posted = new AtomicLong();
        private final CountDownLatch snapshots;
        private volatile long base = -1;
        /** Events making counts up to this one were posted before the measured run. */
        private volatile long measuredAfter = Long.MAX_VALUE;

        Probe(CountDownLatch snapshots) {
            this.snapshots = snapshots;
        }

        void sent(long nanoTime) {
            // posting starts after every subscriber's snapshot, so base is known here
            sentAt.put(base + posted.incrementAndGet(), nanoTime);
        }

        /** Starts the measured run: only events posted from now on are recorded. */
        void reset() {
            measuredAfter = base + posted.get();
            recorder.reset();
            frames.set(0);
        }

        /** One subscription's view: frames of one stream arrive in order, one at a time. */
        final class Subscriber {

            private long seenUpTo = -1;

            void frame(Payload payload) {
                long now = System.nanoTime();
                JsonNode frame = JSON.readTree(payload.getDataUtf8());
                payload.release();
                long offered = frame.path("today").path("offered").asLong();
                frames.incrementAndGet();
                if (seenUpTo < 0) {
                    synchronized (Probe.this) {
                        if (base < 0) {
                            base = offered;
                        }
                    }
                    seenUpTo = Math.max(base, offered);
                    snapshots.countDown();
                    return;
                }
                if (offered <= seenUpTo) {
                    return;
                }
                long from = Math.max(seenUpTo, measuredAfter);
                if (from < offered) {
                    for (long sent : sentAt.subMap(from, false, offered, true).values()) {
                        recorder.recordValue(Math.min(MAX_LATENCY_MS, TimeUnit.NANOSECONDS.toMillis(now - sent)));
                    }
                }
                seenUpTo = offered;
            }
        }
    }
}
