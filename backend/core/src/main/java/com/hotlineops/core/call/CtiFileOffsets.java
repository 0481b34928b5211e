package com.hotlineops.core.call;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Durable read positions of tailed CTI files (table {@code cti_file_offset}): where to resume after a restart. Saved
 * only after the events of the lines before the position committed, so a restart never skips a line; it may re-read a
 * few, which the ingest's idempotency on {@code eventId} absorbs.
 */
@Component
public class CtiFileOffsets {

    /** A file's identity (device and inode, as the platform reports it) and the byte offset read so far. */
    public record Offset(String fileKey, long position) {
    }

    private final DatabaseClient db;

    CtiFileOffsets(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Offset> find(String path) {
        return db.sql("select file_key, position from cti_file_offset where path = :path").bind("path", path)
                .map(r -> new Offset(r.get("file_key", String.class), r.get("position", Long.class)))
                .one();
    }

    public Mono<Void> save(String path, Offset offset, Instant at) {
        return db.sql("""
                        insert into cti_file_offset (path, file_key, position, updated_at)
                        values (:path, :key, :position, :at)
                        on conflict (path) do update
                           set file_key = excluded.file_key, position = excluded.position,
                               updated_at = excluded.updated_at""")
                .bind("path", path).bind("key", offset.fileKey()).bind("position", offset.position())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
    }
}
