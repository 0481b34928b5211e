package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.partner.PendingCallback;
import com.hotlineops.core.partner.StatusCallbackQueue;
import com.hotlineops.local.EmbeddedServices;
import com.hotlineops.server.faults.Backends;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Status callbacks (decisions 0016, 0026, 0035) with two backends side by side on one PostgreSQL and Redis, as
 * DESIGN.md §3 runs them ("every process is stateless; run N of each"), to a real partner endpoint on 127.0.0.1.
 *
 * <p>What the design promises and these tests hold it to: every status change of a partner's ticket is delivered, once
 * while both instances live, whichever instance made the change and whichever sends it; a refusing endpoint gets
 * retries from either instance and exactly one acknowledged attempt per change, each attempt counted; a burst to a
 * slow endpoint is sent once (a lease is never outlived by its attempt); the failure of an attempt that a later one
 * replaced records nothing and counts as {@code stale}; and an instance killed mid-delivery costs a
 * second attempt from the other once the lease ends — at least once, the partner deduplicating on {@code eventId}
 * (docs/partners.md §5). Order is <em>not</em> promised (§5: callbacks are sent in parallel, keep per ticket the
 * status with the latest {@code occurredAt}), so what is checked is that {@code occurredAt} orders each ticket's
 * callbacks and the latest one carries the ticket's status.
 *
 * <p>Timeouts are short so the class runs in well under a minute and a half: a request timeout of 3 s (lease 9 s),
 * retries 200 ms apart doubling to at most 1 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryTwoInstancesIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Three request timeouts, as the deliverer leases a claimed callback. */
    private static final Duration LEASE = TIMEOUT.multipliedBy(3);
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final String[] NAMES = {"hotline-a", "hotline-b"};

    private static EmbeddedServices services;
    private static final ConfigurableApplicationContext[] instances = new ConfigurableApplicationContext[2];
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    private Endpoint endpoint;

    @BeforeAll
    static void startServices() {
        services = EmbeddedServices.forTests();
    }

    @AfterAll
    static void stopServices() {
        for (ConfigurableApplicationContext instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        services.close();
    }

    /** Both instances up: one killed by an earlier test is started again. */
    @BeforeEach
    void bothInstancesRunning() throws IOException {
        for (int i = 0; i < 2; i++) {
            if (instances[i] == null || !instances[i].isActive()) {
                instances[i] = Backends.start(services, Map.of(
                        // The first one seeds the demo organisation; the second finds it.
                        "hotline.demo.enabled", String.valueOf(i == 0),
                        "hotline.db.application-name", NAMES[i],
                        "hotline.webhooks.timeout", TIMEOUT.toMillis() + "ms",
                        "hotline.webhooks.poll-interval", "200ms",
                        "hotline.webhooks.initial-backoff", "200ms",
                        "hotline.webhooks.max-backoff", "1s",
                        "hotline.webhooks.max-attempts", "40"));
            }
        }
        endpoint = new Endpoint();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    @Order(1)
    void ticketsMovedOnBothInstancesThenEveryStatusChangeIsDeliveredExactlyOnceSignedAndOrderedByOccurredAt()
            throws Exception {
        PartnerCredentials partner = register();
        List<Step> lifecycle = List.of(
                new Step("dispatcher1", "dispatch", () -> new DispatchRequest(T01, null, null)),
                new Step("handler-t01", "accept", () -> new DeskCommand(UUID.randomUUID(), null)),
                new Step("handler-t01", "finish", () -> new DeskCommand(UUID.randomUUID(), "已修复")),
                new Step("auditor1", "audit/reject", () -> new ReasonRequest("照片看不清，请重办")),
                new Step("handler-t01", "finish", () -> new DeskCommand(UUID.randomUUID(), "已重新修复并拍照")),
                new Step("auditor1", "audit/pass", () -> new ReasonRequest("通过")));

        List<Ticket> tickets = move(partner, 16, lifecycle);

        Map<String, List<Change>> changes = changes(tickets);
        int expected = changes.values().stream().mapToInt(List::size).sum();
        assertThat(expected).isEqualTo(16 * 7);
        awaitAllDelivered(partner, expected);

        assertThat(endpoint.byEventId(json())).hasSize(expected);
        assertThat(endpoint.sentMoreThanOnce(json())).as("callbacks sent more than once").isEmpty();
        for (Endpoint.Request r : endpoint.requests) {
            assertSignedCallback(partner, r);
        }
        for (Ticket t : tickets) {
            List<JsonNode> received = endpoint.requests.stream().map(r -> r.json(json()))
                    .filter(b -> t.number().equals(b.get("ticketNumber").asString())).toList();
            assertThat(received).extracting(b -> new Change(TicketStatus.valueOf(b.get("status").asString()),
                    Instant.parse(b.get("occurredAt").asString())))
                    .as(t.number()).containsExactlyInAnyOrderElementsOf(changes.get(t.number()));
            assertThat(received).allSatisfy(b -> assertThat(b.get("externalId").asString()).isEqualTo(t.externalId()));
            // What §5 promises instead of order: occurredAt tells the changes apart, the latest is the status now.
            assertThat(received.stream().map(b -> b.get("occurredAt").asString()).distinct()).hasSize(7);
            JsonNode latest = received.stream()
                    .max(Comparator.comparing(b -> Instant.parse(b.get("occurredAt").asString()))).orElseThrow();
            assertThat(latest.get("status").asString()).isEqualTo(TicketStatus.PENDING_REVISIT.name());
        }
        assertThat(rows(partner)).hasSize(expected)
                .allSatisfy(row -> assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", 1)
                        .containsEntry("leased", false));
        // Both instances sent callbacks, and together each change once.
        assertThat(outcomes(partner, "delivered")).allSatisfy(n -> assertThat(n).isPositive())
                .satisfies(n -> assertThat(n.get(0) + n.get(1)).isEqualTo(expected));
    }

    @Test
    @Order(2)
    void endpointRefusingForAWhileThenRetriesFromEitherInstanceEndInExactlyOneAcknowledgedAttemptPerChange()
            throws Exception {
        AtomicBoolean refusing = new AtomicBoolean(true);
        endpoint.behaviour = r -> CompletableFuture.completedFuture(refusing.get() ? 500 : 204);
        PartnerCredentials partner = register();
        List<Ticket> tickets = move(partner, 8, List.of(
                new Step("dispatcher1", "dispatch", () -> new DispatchRequest(T01, null, null)),
                new Step("handler-t01", "accept", () -> new DeskCommand(UUID.randomUUID(), null))));
        int expected = changes(tickets).values().stream().mapToInt(List::size).sum();
        assertThat(expected).isEqualTo(8 * 3);
        // Down until every callback was refused twice, then back.
        await().atMost(WAIT).until(() -> endpoint.byEventId(json()).values().stream()
                .filter(requests -> requests.size() >= 2).count() == expected);
        refusing.set(false);
        awaitAllDelivered(partner, expected);

        Map<String, List<Endpoint.Request>> byEvent = endpoint.byEventId(json());
        Map<String, Map<String, Object>> rows = rows(partner).stream()
                .collect(Collectors.toMap(r -> r.get("event_id").toString(), r -> r));
        assertThat(byEvent.keySet()).isEqualTo(rows.keySet());
        int refused = 0;
        for (var e : byEvent.entrySet()) {
            List<Endpoint.Request> attempts = e.getValue();
            assertThat(attempts).extracting(Endpoint.Request::status).as(e.getKey())
                    .endsWith(204).filteredOn(s -> s == 204).hasSize(1);
            assertThat(attempts.subList(0, attempts.size() - 1)).extracting(Endpoint.Request::status)
                    .containsOnly(500);
            for (int i = 1; i < attempts.size(); i++) {
                // One at a time, each after the previous one's answer and its backoff.
                assertThat(attempts.get(i).arrivedNanos() - attempts.get(i - 1).answeredNanos())
                        .as("%s attempt %d", e.getKey(), i + 1).isGreaterThanOrEqualTo(150_000_000L);
            }
            assertThat(rows.get(e.getKey())).containsEntry("state", "DELIVERED")
                    .containsEntry("attempts", attempts.size()).containsEntry("last_status", 204)
                    .containsEntry("leased", false);
            attempts.forEach(r -> assertSignedCallback(partner, r));
            refused += attempts.size() - 1;
        }
        List<Double> retried = outcomes(partner, "retried");
        assertThat(retried).as("retries on either instance").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(retried.get(0) + retried.get(1)).isEqualTo(refused);
        List<Double> delivered = outcomes(partner, "delivered");
        assertThat(delivered.get(0) + delivered.get(1)).isEqualTo(expected);
    }

    @Test
    @Order(3)
    void burstToASlowEndpointWhenThePartnerIsEnabledAgainIsSentOncePerChange() throws Exception {
        PartnerCredentials partner = register();
        List<Ticket> tickets = move(partner, 40, List.of());
        awaitAllDelivered(partner, 40);
        admin(0, "/api/v1/admin/partners/" + partner.partner().id() + "/disable");
        // Held while the partner is off: 80 callbacks wait.
        int i = 0;
        for (Ticket t : tickets) {
            act(i++ % 2, t, new Step("dispatcher1", "dispatch", () -> new DispatchRequest(T01, null, null)));
            act(i++ % 2, t, new Step("handler-t01", "accept", () -> new DeskCommand(UUID.randomUUID(), null)));
        }
        assertThat(rows(partner)).filteredOn(r -> "PENDING".equals(r.get("state"))).hasSize(80);

        // Slow but within the timeout: more than half of it per answer, so a deliverer sending more callbacks one
        // after another than it has senders would outlive the lease of the ones it claimed with the first.
        Duration slow = TIMEOUT.multipliedBy(55).dividedBy(100);
        endpoint.behaviour = r -> CompletableFuture.supplyAsync(() -> 204,
                CompletableFuture.delayedExecutor(slow.toMillis(), TimeUnit.MILLISECONDS));
        admin(1, "/api/v1/admin/partners/" + partner.partner().id() + "/enable");
        awaitAllDelivered(partner, 120);

        assertThat(endpoint.byEventId(json())).hasSize(120);
        assertThat(endpoint.sentMoreThanOnce(json())).as("callbacks sent more than once").isEmpty();
        assertThat(rows(partner)).allSatisfy(row -> assertThat(row).containsEntry("attempts", 1));
    }

    @Test
    @Order(4)
    void failureOfAnAttemptThatOutlivedItsLeaseDoesNotReleaseTheAttemptThatReplacedIt() throws Exception {
        PartnerCredentials partner = register();
        List<WebhookDeliverer> deliverers = List.of(instances[0].getBean(WebhookDeliverer.class),
                instances[1].getBean(WebhookDeliverer.class));
        deliverers.forEach(WebhookDeliverer::stop);
        try {
            StatusCallbackQueue queue = instances[0].getBean(StatusCallbackQueue.class);
            move(partner, 1, List.of());
            // Attempt 1's lease runs out at once; attempt 2 (another instance) claims the callback and is sending it.
            PendingCallback stale = queue.claim(1, Duration.ZERO).blockLast(WAIT);
            PendingCallback current = queue.claim(1, LEASE).blockLast(WAIT);
            assertThat(stale.attempt()).isEqualTo(1);
            assertThat(current.id()).isEqualTo(stale.id());
            assertThat(current.attempt()).isEqualTo(2);

            assertThat(queue.failed(stale.id(), stale.attempt(), 500, "HTTP 500: late", Instant.now()).block(WAIT))
                    .as("a stale failure is recorded").isFalse();
            assertThat(rows(partner)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "PENDING").containsEntry("leased", true)
                    .containsEntry("last_status", null));
            assertThat(queue.claim(1, LEASE).collectList().block(WAIT)).isEmpty();

            assertThat(queue.failed(current.id(), current.attempt(), 503, "HTTP 503: busy", Instant.now())
                    .block(WAIT)).as("the latest attempt's failure is recorded").isTrue();
            assertThat(rows(partner)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "PENDING").containsEntry("leased", false)
                    .containsEntry("last_status", 503));
            // A late success is the partner's acknowledgement, whichever attempt got it.
            PendingCallback third = queue.claim(1, LEASE).blockLast(WAIT);
            assertThat(third.attempt()).isEqualTo(3);
            queue.delivered(stale.id(), 204).block(WAIT);
            assertThat(rows(partner)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "DELIVERED").containsEntry("attempts", 3).containsEntry("leased", false));
        } finally {
            deliverers.forEach(WebhookDeliverer::start);
        }
    }

    @Test
    @Order(5)
    void deliveryThatFailsAfterALaterAttemptReplacedItCountsAsStaleNotRetried() throws Exception {
        WebhookDeliverer other = instances[1].getBean(WebhookDeliverer.class);
        other.stop();
        try {
            Overtaken o = overtakenAttempt();
            ConfigurableApplicationContext a = instances[0];

            // Attempt 1's answer comes now: refused, too late to be recorded.
            o.release().complete(500);
            await().atMost(WAIT).until(() -> counter(a, o.partner(), "stale") == 1);
            assertThat(outcomes(o.partner(), "retried")).containsExactly(0.0, 0.0);
            assertThat(outcomes(o.partner(), "failed")).containsExactly(0.0, 0.0);
            assertThat(rows(o.partner())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "PENDING").containsEntry("attempts", 2).containsEntry("leased", true)
                    .containsEntry("last_status", null));
            assertThat(endpoint.requests).hasSize(1);
            // The replacing attempt reports its own outcome.
            a.getBean(StatusCallbackQueue.class).delivered(o.replacing().id(), 204).block(WAIT);
            assertThat(rows(o.partner())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "DELIVERED").containsEntry("leased", false));
        } finally {
            other.start();
        }
    }

    @Test
    @Order(6)
    void deliveryAcknowledgedAfterALaterAttemptDeliveredItCountsAsDuplicateSoDeliveredCountsTheCallbackOnce()
            throws Exception {
        WebhookDeliverer other = instances[1].getBean(WebhookDeliverer.class);
        other.stop();
        try {
            Overtaken o = overtakenAttempt();
            ConfigurableApplicationContext a = instances[0];
            assertThat(a.getBean(StatusCallbackQueue.class).delivered(o.replacing().id(), 204).block(WAIT))
                    .as("the first acknowledgement").isTrue();

            // Attempt 1's acknowledgement comes now: the partner got the callback twice; it was delivered once.
            o.release().complete(200);
            await().atMost(WAIT).until(() -> counter(a, o.partner(), "duplicate") == 1);
            assertThat(outcomes(o.partner(), "delivered")).containsExactly(0.0, 0.0);
            assertThat(rows(o.partner())).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "DELIVERED").containsEntry("attempts", 2)
                    .containsEntry("last_status", 204));
        } finally {
            other.start();
        }
    }

    /** Attempt 1 of a new partner's one callback, held on the wire by the partner, and attempt 2, which replaced it. */
    private record Overtaken(PartnerCredentials partner, CompletableFuture<Integer> release,
            PendingCallback replacing) {
    }

    /**
     * With only instance a delivering (the caller stopped the other's deliverer): a new partner's callback goes out
     * from a, the partner holds the request until {@code release} says what to answer, and meanwhile attempt 1
     * outlives its lease (as when its instance pauses) and attempt 2 claims the callback, as the other instance would.
     */
    private Overtaken overtakenAttempt() throws Exception {
        CompletableFuture<Integer> release = new CompletableFuture<>();
        CompletableFuture<Endpoint.Request> held = new CompletableFuture<>();
        endpoint.behaviour = r -> held.complete(r) ? release : CompletableFuture.completedFuture(204);
        PartnerCredentials partner = register();
        move(partner, 1, List.of());
        Endpoint.Request first = held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        PendingCallback replacing = replaceAttempt(instances[0], partner);
        assertThat(replacing.attempt()).isEqualTo(2);
        assertThat(replacing.callback().eventId()).isEqualTo(first.eventId(json()));
        return new Overtaken(partner, release, replacing);
    }

    @Test
    @Order(7)
    void instanceKilledWhileItsCallbackIsOnTheWireThenTheOtherSendsItAgainAfterTheLeaseAndThePartnerDeduplicates()
            throws Exception {
        CompletableFuture<Integer> release = new CompletableFuture<>();
        CompletableFuture<Endpoint.Request> held = new CompletableFuture<>();
        endpoint.behaviour = r -> held.complete(r) ? release : CompletableFuture.completedFuture(204);
        PartnerCredentials partner = register();
        ConfigurableApplicationContext a = instances[0];
        ConfigurableApplicationContext b = instances[1];
        // The other instance's deliverer pauses, so the callback is sent by the one about to die.
        WebhookDeliverer survivor = b.getBean(WebhookDeliverer.class);
        survivor.stop();
        Ticket ticket = move(partner, 1, List.of()).getFirst();
        Endpoint.Request first = held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        survivor.start();

        // The kill: every session of it terminated, its context closed, while the partner holds its request.
        db(b).sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hotline-a'")
                .then().block(WAIT);
        a.close();
        // The partner stores the callback and answers 2xx — to nobody, the sender is gone.
        release.complete(204);

        awaitAllDelivered(partner, 1);
        List<Endpoint.Request> attempts = endpoint.byEventId(json()).get(first.eventId(json()));
        assertThat(attempts).hasSize(2);
        Endpoint.Request second = attempts.get(1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.eventIdHeader()).isEqualTo(first.eventIdHeader());
        assertThat(second.json(json()).get("ticketNumber").asString()).isEqualTo(ticket.number());
        assertSignedCallback(partner, second);
        // Not before the lease the dead instance took ended (it was taken just before the first request arrived).
        assertThat(Duration.ofNanos(second.arrivedNanos() - first.arrivedNanos()))
                .isGreaterThanOrEqualTo(LEASE.minusMillis(500));
        // At least once: the partner saw it twice and, deduplicating on eventId, processed it once.
        assertThat(endpoint.processed).containsExactly(first.eventId(json()));
        assertThat(endpoint.duplicates).containsExactly(first.eventId(json()));
        assertThat(rows(partner)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("state", "DELIVERED").containsEntry("attempts", 2).containsEntry("leased", false));
        assertThat(counter(b, partner, "delivered")).isEqualTo(1);
    }

    // --- the partner and its tickets

    record Step(String user, String action, Supplier<Object> body) {
    }

    record Ticket(UUID id, String number, String externalId) {
    }

    record Change(TicketStatus status, Instant occurredAt) {
    }

    private PartnerCredentials register() {
        return PartnerFixtures.register(http(0), token("admin"), PartnerFixtures.uniqueName("two"),
                List.of(Channel.CITY_APP), endpoint.url());
    }

    /**
     * Submits {@code count} tickets with the partner's key and takes each through the steps, all tickets at once, each
     * step on the other instance than the one before.
     */
    private List<Ticket> move(PartnerCredentials partner, int count, List<Step> steps) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Ticket>> futures = IntStream.range(0, count).mapToObj(n -> pool.submit(() -> {
                String externalId = "two-" + UUID.randomUUID();
                IntakeResult intake = http(n % 2).post().uri("/api/v1/intake").header("X-Api-Key", partner.apiKey())
                        .bodyValue(new IntakeRequest(Channel.CITY_APP, externalId,
                                new Citizen("市民" + n, "137%08d".formatted(n)), "路灯不亮",
                                "人民路" + n + "号路灯连续三晚不亮", "0101", "人民路", null, null))
                        .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                        .getResponseBody();
                Ticket t = new Ticket(intake.ticket().id(), intake.ticket().number(), externalId);
                for (int s = 0; s < steps.size(); s++) {
                    act((n + s + 1) % 2, t, steps.get(s));
                }
                return t;
            })).toList();
            List<Ticket> tickets = new ArrayList<>();
            for (Future<Ticket> f : futures) {
                tickets.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return tickets;
        }
    }

    private void act(int instance, Ticket t, Step step) {
        http(instance).post().uri("/api/v1/tickets/" + t.id() + "/" + step.action())
                .headers(h -> h.setBearerAuth(token(step.user()))).bodyValue(step.body().get())
                .exchange().expectStatus().isOk();
    }

    private void admin(int instance, String path) {
        http(instance).post().uri(path).headers(h -> h.setBearerAuth(token("admin"))).exchange().expectStatus().isOk();
    }

    /** Each ticket's status changes as its history has them: what the partner is to hear of, by ticket number. */
    private Map<String, List<Change>> changes(List<Ticket> tickets) {
        Map<String, List<Change>> changes = new ConcurrentHashMap<>();
        for (Ticket t : tickets) {
            List<TicketEventView> history = http(1).get().uri("/api/v1/tickets/" + t.id() + "/history")
                    .headers(h -> h.setBearerAuth(token("supervisor1"))).exchange().expectStatus().isOk()
                    .expectBodyList(TicketEventView.class).returnResult().getResponseBody();
            changes.put(t.number(), history.stream().filter(e -> e.from() != null && e.from() != e.to())
                    .map(e -> new Change(e.to(), e.occurredAt())).toList());
        }
        return changes;
    }

    // --- what the instances say

    private static ConfigurableApplicationContext live() {
        return instances[1].isActive() ? instances[1] : instances[0];
    }

    /**
     * Ends the lease of the partner's one callback while its attempt is on the wire (as when its instance pauses) and
     * claims it as the next attempt, in one transaction: the row stays locked in between, so a deliverer's poll, which
     * skips locked rows, cannot claim it first.
     */
    private static PendingCallback replaceAttempt(ConfigurableApplicationContext instance,
            PartnerCredentials partner) {
        return instance.getBean(TransactionalOperator.class).transactional(db(instance).sql("""
                                update webhook_delivery d set leased_until = now() - interval '1 second'
                                  from partner p where p.id = d.partner_id and p.name = :name""")
                        .bind("name", partner.partner().name()).then()
                        .thenMany(instance.getBean(StatusCallbackQueue.class).claim(1, LEASE)))
                .blockLast(WAIT);
    }

    private static DatabaseClient db(ConfigurableApplicationContext instance) {
        return instance.getBean(DatabaseClient.class);
    }

    private static JsonMapper json() {
        return live().getBean(JsonMapper.class);
    }

    private static WebTestClient http(int instance) {
        return Backends.http(instances[instance]);
    }

    private static String token(String user) {
        return tokens.computeIfAbsent(user, u -> Backends.token(Backends.http(live()), u));
    }

    /** The partner's callbacks: event id, state, attempts, last HTTP status, and whether a lease is running. */
    private static List<Map<String, Object>> rows(PartnerCredentials partner) {
        return db(live()).sql("""
                        select d.event_id, d.state, d.attempts, d.last_status,
                               coalesce(d.leased_until > now(), false) as leased
                          from webhook_delivery d join partner p on p.id = d.partner_id
                         where p.name = :name""")
                .bind("name", partner.partner().name()).fetch().all().collectList().block(WAIT);
    }

    /** Every callback of the partner DELIVERED, none leased, and no request still open at the endpoint. */
    private void awaitAllDelivered(PartnerCredentials partner, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(partner)).hasSize(count)
                .allSatisfy(row -> assertThat(row).containsEntry("state", "DELIVERED")
                        .containsEntry("leased", false)));
        await().atMost(WAIT).until(() -> endpoint.open() == 0);
    }

    private static double counter(ConfigurableApplicationContext instance, PartnerCredentials partner,
            String outcome) {
        Counter c = instance.getBean(MeterRegistry.class).find("hotline.webhook.deliveries")
                .tag("partner", partner.partner().name()).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    /** {@code hotline.webhook.deliveries} of this outcome on each instance. */
    private static List<Double> outcomes(PartnerCredentials partner, String outcome) {
        return List.of(counter(instances[0], partner, outcome), counter(instances[1], partner, outcome));
    }

    /** The partner's checks of docs/partners.md §5–6: headers, the body's eventId, an HMAC that verifies. */
    private static void assertSignedCallback(PartnerCredentials partner, Endpoint.Request r) {
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.eventIdHeader()).isEqualTo(r.eventId(json()));
        assertThat(verifies(partner.webhookSecret(), r)).as("signature %s", r.signature()).isTrue();
        assertThat(verifies(partner.webhookSecret() + "x", r)).isFalse();
    }

    private static boolean verifies(String secret, Endpoint.Request r) {
        Long t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : r.signature().split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(r.body());
            return v1.stream().anyMatch(s -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(s)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The partner's webhook endpoint on 127.0.0.1: answers requests concurrently, each when {@link #behaviour} says and
     * with the status it says, and deduplicates as docs/partners.md §5 asks — an {@code eventId} answered 2xx before
     * is acknowledged again without being processed.
     */
    static final class Endpoint implements AutoCloseable {

        /** A request as received, with the answer given (0 while open) and when. */
        static final class Request {
            private final String eventIdHeader;
            private final String signature;
            private final String contentType;
            private final byte[] body;
            private final long arrivedNanos;
            private volatile int status;
            private volatile long answeredNanos;

            Request(String eventIdHeader, String signature, String contentType, byte[] body, long arrivedNanos) {
                this.eventIdHeader = eventIdHeader;
                this.signature = signature;
                this.contentType = contentType;
                this.body = body;
                this.arrivedNanos = arrivedNanos;
            }

            String eventIdHeader() {
                return eventIdHeader;
            }

            String signature() {
                return signature;
            }

            String contentType() {
                return contentType;
            }

            byte[] body() {
                return body;
            }

            long arrivedNanos() {
                return arrivedNanos;
            }

            int status() {
                return status;
            }

            long answeredNanos() {
                return answeredNanos;
            }

            JsonNode json(JsonMapper json) {
                return json.readTree(body);
            }

            String eventId(JsonMapper json) {
                return json(json).get("eventId").asString();
            }
        }

        private final HttpServer server;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final Set<String> processed = ConcurrentHashMap.newKeySet();
        final List<String> duplicates = new CopyOnWriteArrayList<>();
        volatile Function<Request, CompletionStage<Integer>> behaviour = r -> CompletableFuture.completedFuture(204);

        Endpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/hook", exchange -> {
                var headers = exchange.getRequestHeaders();
                Request r = new Request(headers.getFirst("X-Hotline-Event-Id"),
                        headers.getFirst("X-Hotline-Signature"), headers.getFirst("Content-Type"),
                        exchange.getRequestBody().readAllBytes(), System.nanoTime());
                requests.add(r);
                // Answered when the behaviour says, possibly from another thread: a slow or held request.
                behaviour.apply(r).whenComplete((status, error) -> answer(exchange, r, error == null ? status : 503));
            });
            server.start();
        }

        private void answer(HttpExchange exchange, Request r, int status) {
            if (status / 100 == 2) {
                // Stored before it is acknowledged; a repeat is acknowledged and not processed again.
                String eventId = new String(r.body(), StandardCharsets.UTF_8).replaceAll(".*\"eventId\":\"([^\"]+)\".*",
                        "$1");
                if (!processed.add(eventId)) {
                    duplicates.add(eventId);
                }
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // The sender is gone: its answer is lost, which is what a crash on the hotline's side looks like.
            } finally {
                exchange.close();
                r.answeredNanos = System.nanoTime();
                r.status = status;
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** Requests received and not answered yet. */
        long open() {
            return requests.stream().filter(r -> r.status() == 0).count();
        }

        /** How many times each eventId that came more than once came. */
        Map<String, Integer> sentMoreThanOnce(JsonMapper json) {
            return byEventId(json).entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
        }

        /** The requests of each eventId, in the order they arrived. */
        Map<String, List<Request>> byEventId(JsonMapper json) {
            return requests.stream().collect(Collectors.groupingBy(r -> r.eventId(json), Collectors.toList()));
        }

        @Override
        public void close() {
            server.stop(0);
            threads.close();
        }
    }
}
