package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import io.rsocket.exceptions.ApplicationErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * Decision 0043 as a phone lives it, with access tokens of {@value #TTL_SECONDS} seconds from the real login (in a
 * context of its own, so no other test gets such tokens): {@code mobile.feed} ends with {@link TokenExpired#MESSAGE}
 * when its token expires; the phone refreshes, resumes from its last cursor and gets what happened meanwhile, once,
 * and nothing it had already seen; the resumed feed ends in turn with the token it was opened with.
 */
@TestPropertySource(properties = "hotline.security.access-token-ttl="
        + FeedEndsWithItsTokenIntegrationTests.TTL_SECONDS + "s")
class FeedEndsWithItsTokenIntegrationTests extends MobileApiIntegrationTestSupport {

    static final int TTL_SECONDS = 3;

    /**
     * The server's timer runs on the monotonic clock, the token's expiry is wall-clock time: the two may disagree by
     * a few milliseconds.
     */
    private static final Duration CLOCKS = Duration.ofMillis(100);
    /** How soon after its token's expiry a feed must have ended. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private final List<Disposable> feeds = new ArrayList<>();

    @AfterEach
    void closeFeeds() {
        feeds.forEach(Disposable::dispose);
    }

    private Instant expiryOf(String token) {
        return accessTokens.decode(token).block(TIMEOUT).getExpiresAt();
    }

    private TokenResponse refresh(String refreshToken) {
        return http().post().uri("/mobile/v1/auth/refresh").bodyValue(new TokenRequest(null, null, refreshToken))
                .exchange().expectStatus().isOk().expectBody(TokenResponse.class).returnResult().getResponseBody();
    }

    /** {@code mobile.feed} from {@code cursor}, with {@code token} in the request's metadata. */
    private FeedRecorder feed(RSocketRequester phone, String token, String cursor) {
        FeedRecorder feed = new FeedRecorder(phone.route("mobile.feed").metadata(bearer(token), AUTHENTICATION)
                .data(new FeedRequest(cursor)).retrieveFlux(FeedItem.class));
        feeds.add(feed);
        return feed;
    }

    /** The feed ended with the expiry error, not before its token expired and promptly after. */
    private static void endedAtExpiry(FeedRecorder feed, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        await().atMost((left.isNegative() ? Duration.ZERO : left).plus(PROMPTLY)).until(() -> feed.error() != null);
        assertThat(Instant.now()).isAfterOrEqualTo(expiresAt.minus(CLOCKS));
        assertThat(feed.error()).isInstanceOf(ApplicationErrorException.class).hasMessage(TokenExpired.MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void feedEndsWhenItsTokenExpiresAndResumesFromItsCursorWithARefreshedTokenMissingNothingRepeatingNothing(
            Transport transport) {
        TokenResponse login = login("worker1");
        assertThat(login.expiresIn()).isEqualTo(TTL_SECONDS);
        Instant expiresAt = expiryOf(login.accessToken());
        RSocketRequester phone = connect(transport, login.accessToken());

        FeedRecorder first = openFeed(phone, null);
        first.awaitLive();
        TicketView seen = dispatchedTicket("T01-G01");
        first.await(FeedItemKind.OFFERED, seen.id());
        String cursor = first.items().getLast().cursor();

        endedAtExpiry(first, expiresAt);
        TicketView missed = dispatchedTicket("T01-G01");

        // The phone refreshes and resumes on the same connection, the fresh token with the request.
        TokenResponse fresh = refresh(login.refreshToken());
        Instant freshExpiresAt = expiryOf(fresh.accessToken());
        FeedRecorder resumed = feed(phone, fresh.accessToken(), cursor);
        // Replayed before LIVE, or live after it if the offer reached the event stream only after the resume began.
        FeedItem offer = resumed.await(FeedItemKind.OFFERED, missed.id());
        resumed.awaitLive();

        assertThat(resumed.items()).extracting(FeedItem::kind).doesNotContain(FeedItemKind.CURRENT,
                FeedItemKind.RESYNC);
        assertThat(resumed.itemsFor(seen.id())).as("seen before the cursor").isEmpty();
        assertThat(resumed.itemsFor(missed.id())).extracting(FeedItem::kind).containsExactly(FeedItemKind.OFFERED);
        assertThat(StreamIds.compare(offer.cursor(), cursor)).isPositive();

        endedAtExpiry(resumed, freshExpiresAt);
    }
}
