package com.hotlineops.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenExpired;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A token given at setup holds for the connection only until it expires: every request after that and every new
 * stream is refused, and an open {@code mobile.feed} ends, with {@link TokenExpired#MESSAGE} (decision 0043). Tokens
 * here are made to live {@value #TTL_SECONDS} seconds.
 */
class TokenExpiryIntegrationTests extends MobileApiIntegrationTestSupport {

    private static final long TTL_SECONDS = 6;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void setupTokenThatExpiresThenOpenFeedEndsAndLaterRequestsAndStreamsAreUnauthorized(Transport transport) {
        TicketView mine = dispatchedTicket("T01-G01");
        // A JWT holds whole seconds.
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RSocketRequester phone = connect(transport,
                tokenValidUntil("worker1", issued, Duration.ofSeconds(TTL_SECONDS)));

        StepVerifier.create(phone.route("mobile.tickets.{id}", mine.id()).retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.id()).isEqualTo(mine.id()))
                .verifyComplete();
        FeedRecorder feed = openFeed(phone, null);
        feed.awaitLive();

        Awaitility.await().atMost(TIMEOUT).until(() -> feed.error() != null);
        assertThat(feed.error()).hasMessage(TokenExpired.MESSAGE);
        assertThat(Instant.now()).isAfterOrEqualTo(issued.plusSeconds(TTL_SECONDS));

        StepVerifier.create(phone.route("mobile.tickets.{id}", mine.id()).retrieveMono(TicketView.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(TIMEOUT);
        StepVerifier.create(phone.route("mobile.feed").data(new FeedRequest(null)).retrieveFlux(FeedItem.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(TIMEOUT);
        // A fresh token on the request works on the same connection: the phone need not reconnect to refresh.
        StepVerifier.create(phone.route("mobile.tickets.{id}", mine.id())
                        .metadata(bearer(cachedToken("worker1")), AUTHENTICATION).retrieveMono(TicketView.class))
                .assertNext(t -> assertThat(t.id()).isEqualTo(mine.id()))
                .verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void perRequestTokenThatExpiredSecondsAgoThenUnauthorizedAlthoughWithinTheDecodersClockSkew(Transport transport) {
        RSocketRequester phone = connect(transport, null);
        String expired = tokenValidUntil("worker1", Instant.now().minusSeconds(TTL_SECONDS + 2),
                Duration.ofSeconds(TTL_SECONDS));

        String error = phone.route("mobile.tickets.{id}", dispatchedTicket("T01-G01").id())
                .metadata(bearer(expired), AUTHENTICATION).retrieveMono(TicketView.class)
                .then(Mono.<String>empty()).onErrorResume(e -> Mono.just(e.getMessage())).block(TIMEOUT);

        assertThat(error).isEqualTo(TokenExpired.MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void feedOpenedWithAPerRequestTokenEndsWhenThatTokenExpires(Transport transport) {
        RSocketRequester phone = connect(transport, null);
        FeedRecorder feed = new FeedRecorder(phone.route("mobile.feed")
                .metadata(bearer(tokenValidUntil("worker3", Instant.now(), Duration.ofSeconds(TTL_SECONDS))),
                        AUTHENTICATION)
                .data(new FeedRequest(null)).retrieveFlux(FeedItem.class));
        try {
            feed.awaitLive();
            Awaitility.await().atMost(TIMEOUT).until(() -> feed.error() != null);
            assertThat(feed.error()).hasMessage(TokenExpired.MESSAGE);
        } finally {
            feed.dispose();
        }
    }
}
