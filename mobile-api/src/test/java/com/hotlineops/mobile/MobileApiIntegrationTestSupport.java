package com.hotlineops.mobile;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.core.security.UserDirectory;
import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.local.TestServices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The running app on a random HTTP port and a random RSocket TCP port, against the test JVM's own PostgreSQL and
 * Redis, with the demo organisation. Every integration test class extends this, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotline.demo.enabled=true", "hotline.mobile.rsocket-port=0",
                "hotline.metrics.token=" + MobileApiIntegrationTestSupport.METRICS_TOKEN})
public abstract class MobileApiIntegrationTestSupport {

    /** The scrape credential Prometheus would present ({@code HOTLINE_METRICS_TOKEN}, decision 0030). */
    protected static final String METRICS_TOKEN = "test-scrape-credential-0123456789abcdef";

    protected static final Duration TIMEOUT = Duration.ofSeconds(20);
    protected static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** How a phone reaches the RSocket responder. */
    protected enum Transport {
        WEBSOCKET,
        TCP
    }

    @LocalServerPort
    protected int httpPort;

    @Value("${local.rsocket.server.port}")
    protected int rsocketTcpPort;

    @Autowired
    protected RSocketStrategies strategies;

    @Autowired
    protected TicketService tickets;

    @Autowired
    protected UserDirectory users;

    @Autowired
    protected TokenService tokenService;

    @Autowired
    protected HotlineProperties hotline;

    @Autowired
    protected ReactiveJwtDecoder accessTokens;

    @Autowired
    protected DatabaseClient db;

    /** A unit handler of township T02 (东湖镇), which the demo organisation does not have. */
    protected static final String OTHER_UNIT_HANDLER = "handler-t02";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final List<Disposable> toDispose = new CopyOnWriteArrayList<>();

    @BeforeEach
    void otherUnitHandler() {
        db.sql("""
                        insert into app_user (id, username, password_hash, display_name, roles, unit_id)
                        values (:id, :username, :hash, '东湖镇受理员', array['UNIT_HANDLER'], :unit)
                        on conflict (username) do nothing""")
                .bind("id", DemoOrganisation.idOf(OTHER_UNIT_HANDLER)).bind("username", OTHER_UNIT_HANDLER)
                .bind("hash", users.hash(DemoOrganisation.passwordOf(OTHER_UNIT_HANDLER)))
                .bind("unit", DemoOrganisation.idOf("T02"))
                .then().block(TIMEOUT);
    }

    @AfterEach
    void disposeConnections() {
        toDispose.forEach(Disposable::dispose);
        toDispose.clear();
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + httpPort).responseTimeout(TIMEOUT).build();
    }

    protected TokenResponse login(String username) {
        return http().post().uri("/mobile/v1/auth/login")
                .bodyValue(TokenRequest.password(username, DemoOrganisation.passwordOf(username)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody();
    }

    protected String accessToken(String username) {
        return login(username).accessToken();
    }

    /** A phone user's access token, logged in once per test JVM (tokens last 15 minutes). */
    protected String cachedToken(String username) {
        return TOKENS.computeIfAbsent(username, this::accessToken);
    }

    /** A valid access token of a desk user, who cannot log in on the phone endpoint. */
    protected String deskToken(String username) {
        return TOKENS.computeIfAbsent("desk:" + username,
                u -> tokenService.issue(users.findByUsername(username).block(TIMEOUT)).accessToken());
    }

    /**
     * The user's access token with the same claims, signed with the deployment's key, but issued at {@code issuedAt}
     * and valid for {@code ttl}: an expired token, or one that expires during a test.
     */
    protected String tokenValidUntil(String username, Instant issuedAt, Duration ttl) {
        Jwt real = accessTokens.decode(cachedToken(username)).block(TIMEOUT);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder();
        real.getClaims().forEach(claims::claim);
        claims.issuedAt(issuedAt).expiresAt(issuedAt.plus(ttl)).id(UUID.randomUUID().toString());
        SecretKey key = new SecretKeySpec(hotline.security().jwtSecret().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    /** A requester that authenticates the connection at setup with {@code token} (none if null). */
    protected RSocketRequester connect(Transport transport, String token) {
        RSocketRequester.Builder builder = RSocketRequester.builder()
                .rsocketStrategies(strategies)
                .dataMimeType(MediaType.APPLICATION_JSON);
        if (token != null) {
            builder = builder.setupMetadata(bearer(token), AUTHENTICATION);
        }
        RSocketRequester requester = switch (transport) {
            case WEBSOCKET -> builder.websocket(URI.create("ws://localhost:" + httpPort + "/rsocket"));
            case TCP -> builder.tcp("localhost", rsocketTcpPort);
        };
        toDispose.add(requester::dispose);
        return requester;
    }

    protected static byte[] bearer(String token) {
        ByteBuf encoded = AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray());
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    protected Actor actor(String username) {
        return Actor.of(users.findByUsername(username).block(TIMEOUT));
    }

    /** A web message, taken in by an agent and dispatched to the given grid (e.g. T01-G01, of township T01). */
    protected TicketView dispatchedTicket(String gridCode) {
        TicketView received = tickets.intake(new IntakeRequest(Channel.WEB_MESSAGE, null,
                        new Citizen("张三", "13800138000"), "路灯不亮", "小区门口的路灯坏了三天", null, "城关街道",
                        null, false), actor("agent1"))
                .block(TIMEOUT).ticket();
        return tickets.dispatch(received.id(), new DispatchRequest(DemoOrganisation.idOf(gridCode.split("-")[0]),
                        DemoOrganisation.idOf(gridCode), "请尽快处理"), actor("dispatcher1"))
                .block(TIMEOUT);
    }

    protected FeedRecorder openFeed(RSocketRequester requester, String cursor) {
        FeedRecorder recorder = new FeedRecorder(
                requester.route("mobile.feed").data(new FeedRequest(cursor)).retrieveFlux(FeedItem.class));
        toDispose.add(recorder);
        return recorder;
    }

    /** Records what a feed delivers, for assertions with Awaitility. */
    protected static final class FeedRecorder implements Disposable {

        private final List<FeedItem> items = new CopyOnWriteArrayList<>();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final Disposable subscription;

        public FeedRecorder(Flux<FeedItem> feed) {
            subscription = feed.subscribe(items::add, error::set);
        }

        public List<FeedItem> items() {
            return List.copyOf(items);
        }

        public List<FeedItem> itemsFor(UUID ticketId) {
            return items.stream().filter(i -> i.ticket() != null && ticketId.equals(i.ticket().id())).toList();
        }

        public Throwable error() {
            return error.get();
        }

        public FeedItem await(Predicate<FeedItem> condition) {
            Awaitility.await().atMost(TIMEOUT).until(() -> items.stream().anyMatch(condition) || error.get() != null);
            if (error.get() != null) {
                throw new AssertionError("feed failed", error.get());
            }
            return items.stream().filter(condition).findFirst().orElseThrow();
        }

        public FeedItem awaitLive() {
            return await(i -> i.kind() == FeedItemKind.LIVE);
        }

        public FeedItem await(FeedItemKind kind, UUID ticketId) {
            return await(i -> i.kind() == kind && i.ticket() != null && ticketId.equals(i.ticket().id()));
        }

        @Override
        public void dispose() {
            subscription.dispose();
        }

        @Override
        public boolean isDisposed() {
            return subscription.isDisposed();
        }
    }
}
