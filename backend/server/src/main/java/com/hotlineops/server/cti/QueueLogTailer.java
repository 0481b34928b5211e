package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiIngestResult;
import com.hotlineops.core.call.CtiFileOffsets;
import com.hotlineops.core.call.CtiFileOffsets.Offset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Follows an Asterisk {@code queue_log} file ({@code HOTLINE_QUEUE_LOG_FILE}; off when unset) and feeds its new lines
 * through the same mapping and intake as {@code POST /api/v1/cti/asterisk/queue-log} (docs/decisions/0023).
 *
 * <ul>
 * <li>Only complete lines are read; a line still being written waits for its newline.</li>
 * <li>The read position is saved in PostgreSQL ({@link CtiFileOffsets}) after the lines' events committed, so a
 * restart resumes where the last commit ended: nothing is skipped, and a line read twice (a crash between commit and
 * save) stores nothing twice, its event ids being a hash of the line.</li>
 * <li>Rotation (the path now names another file: device/inode differ) is noticed once the old file is read to its end,
 * then the new file is read from its start; truncation (the file shrank below the position) restarts at 0.</li>
 * </ul>
 * File reads run on the bounded-elastic scheduler; one poll at a time, every {@code poll-interval}.
 *
 * <p>{@code hotline.cti.queue.log.lines} counts the lines read whose events committed (read again after a restart,
 * they count again).
 */
@Component
class QueueLogTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueLogTailer.class);
    /** Bytes read per step: about 4,000 queue_log lines, well within one group commit. */
    static final int CHUNK = 256 * 1024;

    private final Path file;
    private final String source;
    private final Duration pollInterval;
    private final AsteriskQueueLog mapping;
    private final CtiIntake intake;
    private final CtiFileOffsets offsets;
    private final Clock clock;
    private final AtomicLong linesRead = new AtomicLong();
    private final Counter lines;

    // Touched by one poll at a time (the polls are serialised), from whichever thread runs it.
    private volatile FileChannel channel;
    private volatile String fileKey;
    private volatile long position;
    private volatile Disposable running;

    @Autowired
    QueueLogTailer(@Value("${hotline.cti.queue-log.file:}") String file,
            @Value("${hotline.cti.queue-log.poll-interval:500ms}") Duration pollInterval,
            @Value("${hotline.cti.queue-log.enterprise-queues:enterprise}") String enterpriseQueues,
            CtiIntake intake, CtiFileOffsets offsets, Clock clock, MeterRegistry meters) {
        this(file == null || file.isBlank() ? null : Path.of(file.strip()), pollInterval,
                Arrays.stream(enterpriseQueues.split(",")).map(String::strip).filter(q -> !q.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()), intake, offsets, clock, meters);
    }

    QueueLogTailer(Path file, Duration pollInterval, Set<String> enterpriseQueues, CtiIntake intake,
            CtiFileOffsets offsets, Clock clock, MeterRegistry meters) {
        this.file = file;
        this.source = file == null ? null : file.toAbsolutePath().normalize().toString();
        this.pollInterval = pollInterval;
        this.mapping = new AsteriskQueueLog(enterpriseQueues);
        this.intake = intake;
        this.offsets = offsets;
        this.clock = clock;
        this.lines = Counter.builder("hotline.cti.queue.log.lines")
                .description("Lines of the followed Asterisk queue_log read and committed")
                .register(meters);
    }

    @Override
    public void start() {
        if (file == null) {
            return;
        }
        log.info("Following the Asterisk queue_log {} every {}", source, pollInterval);
        running = Flux.interval(Duration.ZERO, pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> poll()
                        .onErrorResume(e -> {
                            log.warn("Reading {} failed, retrying at the next poll: {}", source, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** One poll: open the file if needed, then read and store complete lines until none is left. */
    Mono<Void> poll() {
        return Mono.defer(() -> channel != null ? readAll() : open().then(Mono.defer(
                () -> channel != null ? readAll() : Mono.empty())));
    }

    /** Opens the file at the saved position when it is the same file, else at its start. */
    private Mono<Void> open() {
        return Mono.fromCallable(() -> {
                    if (!Files.isRegularFile(file)) {
                        return null;
                    }
                    FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
                    return new Opened(c, key(Files.readAttributes(file, BasicFileAttributes.class)), c.size());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(o -> offsets.find(source)
                        .filter(saved -> saved.fileKey().equals(o.key()) && saved.position() <= o.size())
                        .map(Offset::position)
                        .defaultIfEmpty(0L)
                        .doOnNext(at -> {
                            channel = o.channel();
                            fileKey = o.key();
                            position = at;
                            log.info("Reading {} ({}) from byte {}", source, o.key(), at);
                        }))
                .then();
    }

    private record Opened(FileChannel channel, String key, long size) {
    }

    private Mono<Void> readAll() {
        return Mono.fromCallable(this::readChunk)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(chunk -> chunk.text().isEmpty()
                        ? (chunk.next() > position ? save(chunk.next()) : checkReplaced())
                        : store(chunk).then(save(chunk.next()))
                                .then(Mono.defer(() -> chunk.full() ? readAll() : Mono.empty())));
    }

    /** Complete lines from the position on; {@code next} is the position after the last newline read. */
    private record Chunk(String text, long next, boolean full) {
    }

    private Chunk readChunk() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        int n = channel.read(buffer, position);
        if (n <= 0) {
            return new Chunk("", position, false);
        }
        byte[] bytes = buffer.array();
        int end = n - 1;
        while (end >= 0 && bytes[end] != '\n') {
            end--;
        }
        if (end < 0) {
            if (n == CHUNK) {
                // No newline in a whole chunk: not a queue_log line. Skip it rather than wait for ever.
                log.warn("Skipping {} bytes of {} at {}: no line end", n, source, position);
                return new Chunk("", position + n, false);
            }
            return new Chunk("", position, false);
        }
        return new Chunk(new String(bytes, 0, end + 1, StandardCharsets.UTF_8), position + end + 1, n == CHUNK);
    }

    private Mono<Void> store(Chunk chunk) {
        AsteriskQueueLog.Parsed parsed = mapping.parse(chunk.text());
        return intake.store(parsed.events(), parsed.rejections())
                .doOnNext(result -> {
                    linesRead.addAndGet(parsed.lines());
                    lines.increment(parsed.lines());
                    report(parsed, result);
                })
                .then();
    }

    private void report(AsteriskQueueLog.Parsed parsed, CtiIngestResult result) {
        if (result.rejected() > 0) {
            log.warn("{}: {} lines, {} events stored, {} repeated, {} rejected (first: {})", source, parsed.lines(),
                    result.accepted(), result.duplicate(), result.rejected(), result.rejections().getFirst());
        } else {
            log.debug("{}: {} lines, {} events stored, {} repeated", source, parsed.lines(), result.accepted(),
                    result.duplicate());
        }
    }

    private Mono<Void> save(long next) {
        return offsets.save(source, new Offset(fileKey, next), clock.instant()).doOnSuccess(x -> position = next);
    }

    /**
     * At the end of the file: has the path been rotated to a new file (then read the new one from its start) or
     * truncated (then start again at 0)?
     */
    private Mono<Void> checkReplaced() {
        return Mono.fromCallable(() -> {
                    try {
                        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                        return key(now).equals(fileKey) ? (now.size() < position ? "truncated" : "") : "rotated";
                    } catch (NoSuchFileException e) {
                        // Moved away and not yet recreated: keep the old file open until a new one appears.
                        return "";
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(change -> switch (change) {
                    case "rotated" -> {
                        log.info("{} was rotated: reading the new file from its start", source);
                        closeChannel();
                        yield Mono.<Void>empty();
                    }
                    case "truncated" -> {
                        log.info("{} was truncated: reading again from its start", source);
                        yield save(0);
                    }
                    default -> Mono.<Void>empty();
                });
    }

    private static String key(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key != null ? key.toString() : "created:" + attributes.creationTime();
    }

    /** Lines read and stored since start (repeats included); for tests and logs. */
    long linesRead() {
        return linesRead.get();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
        closeChannel();
    }

    private void closeChannel() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("Closing {}: {}", source, e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
