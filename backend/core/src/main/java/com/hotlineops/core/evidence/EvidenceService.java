package com.hotlineops.core.evidence;

import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.ticket.TicketService;
import io.r2dbc.spi.Readable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Photos on tickets. A photo may be added by whoever may see the ticket while it is being handled (a grid worker only
 * on a ticket they accepted); the same bytes twice on one ticket are one photo, so a retried upload is harmless.
 */
@Service
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceService {

    private final TicketService tickets;
    private final BlobStore blobs;
    private final DatabaseClient db;
    private final Clock clock;
    private final long maxBytes;

    EvidenceService(TicketService tickets, BlobStore blobs, DatabaseClient db, Clock clock,
            EvidenceProperties properties) {
        this.tickets = tickets;
        this.blobs = blobs;
        this.db = db;
        this.clock = clock;
        this.maxBytes = properties.maxSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The photo and whether this upload added it ({@code false}: the same bytes were already on the ticket). */
    public record Added(Photo photo, boolean created) {
    }

    public record Content(String contentType, byte[] bytes) {
    }

    public Mono<Added> add(UUID ticketId, byte[] bytes, Actor actor) {
        if (bytes.length == 0) {
            return Mono.error(new EvidenceRejectedException(EvidenceRejectedException.Reason.EMPTY, "The photo is empty"));
        }
        if (bytes.length > maxBytes) {
            return Mono.error(new EvidenceRejectedException(EvidenceRejectedException.Reason.TOO_LARGE,
                    "A photo may be at most " + maxBytes / (1024 * 1024) + " MB"));
        }
        ImageType type = ImageType.detect(bytes).orElse(null);
        if (type == null) {
            return Mono.error(new EvidenceRejectedException(EvidenceRejectedException.Reason.NOT_AN_IMAGE,
                    "Only JPEG, PNG, WebP or HEIC photos are accepted (checked by content)"));
        }
        String sha256 = sha256(bytes);
        return tickets.find(ticketId, actor)
                .flatMap(ticket -> checkInProgress(ticket, actor))
                .flatMap(ticket -> existing(ticketId, sha256)
                        .map(photo -> new Added(photo, false))
                        .switchIfEmpty(Mono.defer(() -> store(ticketId, bytes, type, sha256, actor))));
    }

    public Flux<Photo> list(UUID ticketId, Actor actor) {
        return tickets.find(ticketId, actor).thenMany(db.sql(SELECT + " where ticket_id = :ticket order by created_at")
                .bind("ticket", ticketId).map(EvidenceService::read).all());
    }

    public Mono<Content> content(UUID ticketId, UUID photoId, Actor actor) {
        return tickets.find(ticketId, actor)
                .then(db.sql("select content_type, storage_key from ticket_photo where id = :id and ticket_id = :ticket")
                        .bind("id", photoId).bind("ticket", ticketId)
                        .map(row -> new String[] {row.get("content_type", String.class),
                                row.get("storage_key", String.class)})
                        .one())
                .flatMap(found -> blobs.get(found[1]).map(bytes -> new Content(found[0], bytes)));
    }

    private static Mono<TicketView> checkInProgress(TicketView ticket, Actor actor) {
        boolean workerOnOwnTicket = !actor.has(Role.GRID_WORKER) || actor.userId().equals(ticket.assigneeId());
        if (ticket.status() != TicketStatus.ACCEPTED || !workerOnOwnTicket) {
            return Mono.error(new EvidenceRejectedException(EvidenceRejectedException.Reason.TICKET_NOT_IN_PROGRESS,
                    "Photos can be added while the ticket is being handled (ACCEPTED) by its handler"));
        }
        return Mono.just(ticket);
    }

    private Mono<Photo> existing(UUID ticketId, String sha256) {
        return db.sql(SELECT + " where ticket_id = :ticket and sha256 = :sha").bind("ticket", ticketId)
                .bind("sha", sha256).map(EvidenceService::read).one();
    }

    /** Bytes first, then the row: a row never points at missing bytes; a lost race keeps the first row. */
    private Mono<Added> store(UUID ticketId, byte[] bytes, ImageType type, String sha256, Actor actor) {
        String key = ticketId + "/" + sha256 + "." + type.extension();
        Photo photo = new Photo(UUID.randomUUID(), ticketId, type.mediaType(), bytes.length, sha256, actor.userId(),
                clock.instant());
        return blobs.put(key, bytes)
                .then(db.sql("""
                                insert into ticket_photo (id, ticket_id, uploaded_by, content_type, size_bytes, sha256,
                                                          storage_key, created_at)
                                values (:id, :ticket, :by, :type, :size, :sha, :key, :at)
                                on conflict (ticket_id, sha256) do nothing""")
                        .bind("id", photo.id()).bind("ticket", ticketId).bind("by", actor.userId())
                        .bind("type", photo.contentType()).bind("size", photo.sizeBytes()).bind("sha", sha256)
                        .bind("key", key).bind("at", photo.createdAt().atOffset(ZoneOffset.UTC))
                        .fetch().rowsUpdated())
                .flatMap(inserted -> inserted == 1 ? Mono.just(new Added(photo, true))
                        : existing(ticketId, sha256).map(p -> new Added(p, false)));
    }

    private static final String SELECT =
            "select id, ticket_id, content_type, size_bytes, sha256, uploaded_by, created_at from ticket_photo";

    private static Photo read(Readable row) {
        return new Photo(row.get("id", UUID.class), row.get("ticket_id", UUID.class),
                row.get("content_type", String.class), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), row.get("uploaded_by", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
