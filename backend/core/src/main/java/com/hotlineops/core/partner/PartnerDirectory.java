package com.hotlineops.core.partner;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.KeyRotation;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookSecretRotation;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.core.partner.PartnerAdminEvents.Type;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.support.FieldChanges;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registered partners and their API keys. Registering shows the key and the webhook secret once; a rotation issues a
 * new key (or webhook secret) and leaves the earlier ones a grace period. Keys are found by their public id and checked
 * against the stored SHA-256 in constant time ({@link ApiKeys}). An administrator may disable a partner: its keys are
 * refused and its callbacks wait in the queue until it is enabled again (decision 0026), and change its channels and
 * webhook URL; its name, which ticket histories carry, never changes (decision 0033). Every change is recorded with who
 * made it in the change's transaction ({@code partner_admin_event}, decision 0038); a repeat that changes nothing is
 * not, and no record holds a key or a secret.
 */
@Service
public class PartnerDirectory {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    /** Voice channels are the agents' own: a partner system never submits on them. */
    static final Set<Channel> VOICE = EnumSet.of(Channel.HOTLINE, Channel.ENTERPRISE_LINE);
    static final int DEFAULT_GRACE_MINUTES = 24 * 60;
    static final int MAX_GRACE_MINUTES = 30 * 24 * 60;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final PartnerAdminEvents events;

    PartnerDirectory(DatabaseClient db, TransactionalOperator tx, Clock clock, PartnerAdminEvents events) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Registers a partner with a first API key and a webhook secret, shown in the answer and never again. Not
     * idempotent on purpose: a second registration under the same name is refused (a unique key, 409) rather than
     * answered with the credentials again.
     */
    public Mono<PartnerCredentials> register(PartnerRequest request, Actor admin) {
        return Mono.defer(() -> {
            validate(request);
            UUID id = UUID.randomUUID();
            Instant now = now();
            String secret = ApiKeys.randomToken(32);
            ApiKeys.Issued key = ApiKeys.issue();
            String[] channels = names(request.channels());
            String url = request.webhookUrl() == null ? null : request.webhookUrl().strip();
            Map<String, FieldChange> changes = new LinkedHashMap<>();
            FieldChanges.put(changes, "name", null, request.name());
            FieldChanges.put(changes, "channels", null, List.of(channels));
            FieldChanges.put(changes, "webhookUrl", null, url);
            FieldChanges.put(changes, "enabled", null, true);
            var insert = db.sql("""
                            insert into partner (id, name, channels, webhook_url, webhook_secret, created_at, created_by)
                            values (:id, :name, :channels, :url, :secret, :at, :by)""")
                    .bind("id", id).bind("name", request.name()).bind("channels", channels)
                    .bind("secret", secret).bind("at", utc(now)).bind("by", admin.username());
            insert = url == null ? insert.bindNull("url", String.class) : insert.bind("url", url);
            return tx.transactional(insert.then()
                    .then(storeKey(id, key, now))
                    .then(events.record(id, Type.REGISTERED, admin, now, changes))
                    .then(find(id)))
                    .map(view -> new PartnerCredentials(view, key.key(), secret));
        });
    }

    /**
     * Issues a new key; the partner's earlier keys expire after the grace period (DESIGN.md §2.1 partner channels). The
     * record says that it happened and the grace period, never the key.
     */
    public Mono<IssuedKey> rotateKey(UUID partnerId, KeyRotation rotation, Actor admin) {
        int grace = rotation == null || rotation.graceMinutes() == null ? DEFAULT_GRACE_MINUTES : rotation.graceMinutes();
        if (grace < 0 || grace > MAX_GRACE_MINUTES) {
            return Mono.error(new InvalidPartnerException("graceMinutes must be between 0 and " + MAX_GRACE_MINUTES));
        }
        return Mono.defer(() -> {
            Instant now = now();
            Instant expires = now.plus(Duration.ofMinutes(grace));
            ApiKeys.Issued key = ApiKeys.issue();
            return tx.transactional(db.sql("select id from partner where id = :id for update").bind("id", partnerId)
                    .map(r -> r.get("id", UUID.class)).one()
                    .switchIfEmpty(Mono.error(() -> new PartnerNotFoundException(partnerId)))
                    .then(db.sql("""
                                    update partner_key set expires_at = :expires
                                     where partner_id = :id and (expires_at is null or expires_at > :expires)""")
                            .bind("id", partnerId).bind("expires", utc(expires)).then())
                    .then(storeKey(partnerId, key, now))
                    .then(events.record(partnerId, Type.KEY_ROTATED, admin, now, grace(grace)))
                    .thenReturn(new IssuedKey(key.keyId(), key.key(), expires)));
        });
    }

    /**
     * Issues a new webhook secret, shown this once. Each attempt is signed when it is sent, so every callback sent from
     * now on, retries of earlier ones included, is signed with the new secret; for the grace period it also carries a
     * signature with the secret replaced (decision 0026). Rotating again within the grace period ends the grace of the
     * secret before: only the one replaced last is kept. The record says that it happened and the grace period, never
     * the secret.
     */
    public Mono<IssuedWebhookSecret> rotateWebhookSecret(UUID partnerId, WebhookSecretRotation rotation,
            Actor admin) {
        int grace = rotation == null || rotation.graceMinutes() == null ? DEFAULT_GRACE_MINUTES
                : rotation.graceMinutes();
        if (grace < 0 || grace > MAX_GRACE_MINUTES) {
            return Mono.error(new InvalidPartnerException("graceMinutes must be between 0 and " + MAX_GRACE_MINUTES));
        }
        return Mono.defer(() -> {
            Instant now = now();
            Instant expires = now.plus(Duration.ofMinutes(grace));
            String secret = ApiKeys.randomToken(32);
            // The right-hand sides read the row as it was: the previous secret is the one being replaced.
            return tx.transactional(db.sql("""
                            update partner set previous_webhook_secret = case when :grace then webhook_secret end,
                                   previous_secret_expires_at = case when :grace then :expires end,
                                   webhook_secret = :secret, webhook_secret_rotated_at = :now
                             where id = :id
                            returning id""")
                    .bind("grace", grace > 0).bind("expires", utc(expires)).bind("secret", secret)
                    .bind("now", utc(now)).bind("id", partnerId)
                    .map(r -> r.get("id", UUID.class)).one()
                    .switchIfEmpty(Mono.error(() -> new PartnerNotFoundException(partnerId)))
                    .then(events.record(partnerId, Type.SECRET_ROTATED, admin, now, grace(grace))))
                    .thenReturn(new IssuedWebhookSecret(secret, expires));
        });
    }

    /**
     * Changes a partner's channels or webhook URL (a JSON merge patch, decision 0033); answers the partner as it is
     * afterwards. Idempotent: the same patch again changes nothing. The deliverer reads the URL when it claims a
     * callback, so every attempt from now on — retries of callbacks already waiting included — goes to the new URL; a
     * new URL also makes the waiting callbacks due at once (the old endpoint may have been failing for hours), keeping
     * their attempts. An attempt already on the wire finishes against the old URL; if it fails, its retry goes to the
     * new one. Removing the URL stops new callbacks (none is queued without one) and holds the waiting ones, unsent
     * and not counting attempts, until a URL is set again. FAILED callbacks stay FAILED: replaying them is the
     * administrator's call. A change is recorded with each field's value before and after; a repeat is not.
     */
    public Mono<PartnerView> update(UUID partnerId, PartnerChanges changes, Actor admin) {
        return Mono.defer(() -> {
            if (changes == null) {
                return Mono.error(new InvalidPartnerException("The body must be a JSON object"));
            }
            Instant now = now();
            return tx.transactional(db.sql("""
                            select id, name, channels, webhook_url, enabled from partner where id = :id for update""")
                    .bind("id", partnerId)
                    .map(PartnerDirectory::partner).one()
                    .switchIfEmpty(Mono.error(() -> new PartnerNotFoundException(partnerId)))
                    .flatMap(current -> {
                        if (changes.nameGiven() && !current.name().equals(changes.name())) {
                            return Mono.error(new InvalidPartnerException("name cannot be changed: it is the "
                                    + "partner's identity in ticket histories (partner:" + current.name()
                                    + "); register a new partner for a new name"));
                        }
                        List<Channel> channels = changes.channelsGiven() ? changes.channels()
                                : List.copyOf(current.channels());
                        String url = changes.webhookUrlGiven()
                                ? changes.webhookUrl() == null ? null : changes.webhookUrl().strip()
                                : current.webhookUrl();
                        validateChannels(channels);
                        validateUrl(url);
                        Map<String, FieldChange> changed = new LinkedHashMap<>();
                        FieldChanges.put(changed, "channels", List.of(names(List.copyOf(current.channels()))),
                                List.of(names(channels)));
                        FieldChanges.put(changed, "webhookUrl", current.webhookUrl(), url);
                        if (changed.isEmpty()) {
                            return Mono.empty();
                        }
                        var update = db.sql("update partner set channels = :channels, webhook_url = :url "
                                        + "where id = :id")
                                .bind("id", partnerId).bind("channels", names(channels));
                        update = url == null ? update.bindNull("url", String.class) : update.bind("url", url);
                        Mono<Void> due = url == null || url.equals(current.webhookUrl()) ? Mono.empty()
                                : db.sql("""
                                        update webhook_delivery set next_attempt_at = :now
                                         where partner_id = :id and state = 'PENDING' and next_attempt_at > :now""")
                                        .bind("id", partnerId).bind("now", utc(now)).then();
                        return update.then().then(due)
                                .then(events.record(partnerId, Type.UPDATED, admin, now, changed));
                    })
                    .then(find(partnerId)));
        });
    }

    /**
     * Disables a partner: from the next request on its keys are refused and no callback is sent to it; its callbacks
     * stay queued (decision 0026). Disabling a disabled partner changes nothing, not even who disabled it and when, and
     * records nothing.
     */
    public Mono<PartnerView> disable(UUID partnerId, Actor admin) {
        return Mono.defer(() -> {
            Instant now = now();
            return tx.transactional(db.sql("""
                            update partner set enabled = false, disabled_at = :now, disabled_by = :by
                             where id = :id and enabled
                            returning id""")
                    .bind("now", utc(now)).bind("by", admin.username()).bind("id", partnerId)
                    .map(r -> r.get("id", UUID.class)).one()
                    .flatMap(changed -> events.record(partnerId, Type.DISABLED, admin, now, switched(false)))
                    .then(find(partnerId)));
        });
    }

    /**
     * Enables a disabled partner again: its keys work and its queued callbacks go out. A no-op when it is enabled,
     * recording nothing.
     */
    public Mono<PartnerView> enable(UUID partnerId, Actor admin) {
        return Mono.defer(() -> {
            Instant now = now();
            return tx.transactional(db.sql("""
                            update partner set enabled = true, disabled_at = null, disabled_by = null
                             where id = :id and not enabled
                            returning id""")
                    .bind("id", partnerId)
                    .map(r -> r.get("id", UUID.class)).one()
                    .flatMap(changed -> events.record(partnerId, Type.ENABLED, admin, now, switched(true)))
                    .then(find(partnerId)));
        });
    }

    /**
     * What administrators changed on the partner, newest first (decision 0038).
     *
     * @param limit  1–200; 0 for 50
     * @param cursor the {@code nextCursor} of the previous page, or null
     */
    public Mono<PartnerChangePage> changes(UUID partnerId, int limit, String cursor) {
        return find(partnerId).then(events.page(partnerId, limit, cursor));
    }

    private static Map<String, FieldChange> switched(boolean enabled) {
        return Map.of("enabled", new FieldChange(!enabled, enabled));
    }

    /** All a rotation records: that it happened (the row) and how long the replaced key or secret stays valid. */
    private static Map<String, FieldChange> grace(int minutes) {
        return Map.of("graceMinutes", new FieldChange(null, minutes));
    }

    public Flux<PartnerView> list() {
        return Flux.defer(() -> db.sql(VIEW + " order by p.name").bind("now", utc(now())).map(this::view).all());
    }

    public Mono<PartnerView> find(UUID id) {
        return Mono.defer(() -> db.sql(VIEW + " where p.id = :id").bind("id", id).bind("now", utc(now()))
                .map(this::view).one()
                .switchIfEmpty(Mono.error(() -> new PartnerNotFoundException(id))));
    }

    /** The enabled partner that holds this unexpired key, or empty: a wrong, malformed or expired key is not told apart. */
    public Mono<Partner> authenticate(String apiKey) {
        return identify(apiKey).filter(Partner::enabled);
    }

    /**
     * The partner that holds this unexpired key, enabled or not, or empty: a wrong, malformed or expired key is not told
     * apart. Whoever presents a right key may learn that its partner is disabled; nobody else learns anything.
     */
    public Mono<Partner> identify(String apiKey) {
        String keyId = ApiKeys.keyIdOf(apiKey);
        if (keyId == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> db.sql("""
                        select p.id, p.name, p.channels, p.webhook_url, p.enabled, k.key_hash, k.expires_at
                          from partner_key k join partner p on p.id = k.partner_id
                         where k.key_id = :key""")
                .bind("key", keyId)
                .map(r -> new KeyRow(partner(r), r.get("key_hash", byte[].class), instant(r, "expires_at")))
                .one()
                .filter(k -> ApiKeys.matches(apiKey, k.hash()))
                .filter(k -> k.expiresAt() == null || k.expiresAt().isAfter(clock.instant()))
                .map(KeyRow::partner));
    }

    private record KeyRow(Partner partner, byte[] hash, Instant expiresAt) {
    }

    private Mono<Void> storeKey(UUID partnerId, ApiKeys.Issued key, Instant now) {
        return db.sql("""
                        insert into partner_key (key_id, partner_id, key_hash, created_at)
                        values (:key, :partner, :hash, :at)""")
                .bind("key", key.keyId()).bind("partner", partnerId).bind("hash", key.hash()).bind("at", utc(now))
                .then();
    }

    private static final String VIEW = """
            select p.id, p.name, p.channels, p.webhook_url, p.enabled, p.created_at, p.disabled_at, p.disabled_by,
                   p.webhook_secret_rotated_at, p.previous_secret_expires_at,
                   array(select k.key_id from partner_key k
                          where k.partner_id = p.id and (k.expires_at is null or k.expires_at > :now)
                          order by k.created_at) as keys
              from partner p""";

    private PartnerView view(Readable r) {
        Partner p = partner(r);
        Instant previousExpires = instant(r, "previous_secret_expires_at");
        return new PartnerView(p.id(), p.name(), p.channels().stream().sorted().toList(), p.webhookUrl(), p.enabled(),
                instant(r, "created_at"), List.of(r.get("keys", String[].class)), instant(r, "disabled_at"),
                r.get("disabled_by", String.class), instant(r, "webhook_secret_rotated_at"),
                previousExpires == null || !previousExpires.isAfter(clock.instant()) ? null : previousExpires);
    }

    static Partner partner(Readable r) {
        Set<Channel> channels = Arrays.stream(r.get("channels", String[].class)).map(Channel::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return new Partner(r.get("id", UUID.class), r.get("name", String.class), channels,
                r.get("webhook_url", String.class), Boolean.TRUE.equals(r.get("enabled", Boolean.class)));
    }

    private static void validate(PartnerRequest r) {
        if (r == null || r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw new InvalidPartnerException(
                    "name is required: 2–40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        validateChannels(r.channels());
        validateUrl(r.webhookUrl() == null ? null : r.webhookUrl().strip());
    }

    private static void validateChannels(List<Channel> channels) {
        if (channels == null || channels.isEmpty() || channels.stream().anyMatch(Objects::isNull)) {
            throw new InvalidPartnerException("channels is required: at least one channel");
        }
        if (channels.stream().anyMatch(VOICE::contains)) {
            throw new InvalidPartnerException("a partner may not submit on the voice channels " + VOICE);
        }
    }

    /** The same rule at registration and on a change: none, or an absolute http(s) URL of at most 2000 characters. */
    private static void validateUrl(String url) {
        if (url != null && !validUrl(url)) {
            throw new InvalidPartnerException("webhookUrl must be an absolute http or https URL (or null for none)");
        }
    }

    private static String[] names(List<Channel> channels) {
        return channels.stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** PostgreSQL keeps microseconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
