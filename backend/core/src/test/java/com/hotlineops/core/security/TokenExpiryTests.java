package com.hotlineops.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.TokenExpired;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.ByteBufPayload;
import io.rsocket.util.DefaultPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.rsocket.api.PayloadExchangeType;
import org.springframework.security.rsocket.core.DefaultPayloadExchange;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Streams end when their token expires, requests under an expired token are refused (decision 0043); on virtual time. */
class TokenExpiryTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS));
        }
    };
    private final Sinks.Many<Payload> items = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final RSocket app = new RSocket() {
        @Override
        public Flux<Payload> requestStream(Payload request) {
            request.release();
            return items.asFlux().doOnCancel(() -> cancelled.set(true));
        }

        @Override
        public Mono<Payload> requestResponse(Payload request) {
            request.release();
            return Mono.just(DefaultPayload.create("answer"));
        }
    };
    private final RSocket responder = TokenExpiry.endingStreams(clock, time)
            .apply((setup, sendingSocket) -> Mono.just(app)).accept(null, null).block();

    @AfterEach
    void stop() {
        time.dispose();
    }

    private Authentication tokenExpiringAt(Instant expiresAt) {
        return new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "HS256").subject("worker1")
                .issuedAt(expiresAt.minus(Duration.ofMinutes(15))).expiresAt(expiresAt).build());
    }

    private Flux<String> stream(Authentication caller) {
        return responder.requestStream(DefaultPayload.create("{}"))
                .map(Payload::getDataUtf8)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller));
    }

    @Test
    void streamOpenedWithATokenThenItEndsWithTheExpiryErrorTheMomentTheTokenExpires() {
        StepVerifier.withVirtualTime(() -> stream(tokenExpiringAt(Instant.ofEpochSecond(10))), () -> time, 16)
                .expectSubscription()
                .then(() -> items.tryEmitNext(DefaultPayload.create("first")))
                .expectNext("first")
                .expectNoEvent(Duration.ofMillis(9_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(Duration.ofSeconds(5));
        assertThat(TokenExpired.is(TokenExpiry.error())).isTrue();
        assertThat(cancelled).as("the app's stream is cancelled, not left running").isTrue();
    }

    @Test
    void streamThatEndsBeforeItsTokenExpiresThenCompletesAsItWould() {
        StepVerifier.withVirtualTime(() -> stream(tokenExpiringAt(Instant.ofEpochSecond(10))), () -> time, 16)
                .expectSubscription()
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(3)))
                .then(items::tryEmitComplete)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void tokenAlreadyExpiredThenTheStreamEndsAtOnce() {
        time.advanceTimeTo(Instant.ofEpochSecond(20));

        StepVerifier.withVirtualTime(() -> stream(tokenExpiringAt(Instant.ofEpochSecond(10))), () -> time, 16)
                .expectSubscription()
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void streamWithoutABearerTokenThenRefusedAndItsPayloadReleased() {
        Payload request = ByteBufPayload.create(ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {'{', '}'}));
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        StepVerifier.create(responder.requestStream(request)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(anonymous)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("unauthorized:"))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(responder.requestStream(DefaultPayload.create("{}")))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("unauthorized:"))
                .verify(Duration.ofSeconds(5));
        assertThat(request.refCnt()).isZero();
    }

    @Test
    void requestResponseThenUntouchedByTheStreamsTimer() {
        StepVerifier.create(responder.requestResponse(DefaultPayload.create("{}")).map(Payload::getDataUtf8)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                tokenExpiringAt(Instant.ofEpochSecond(10)))))
                .expectNext("answer")
                .verifyComplete();
    }

    @Test
    void requestUnderAnExpiredTokenThenRefusedWithoutReachingAuthorization() {
        time.advanceTimeTo(Instant.ofEpochSecond(10));
        AtomicBoolean reached = new AtomicBoolean();

        StepVerifier.create(TokenExpiry.refusingExpired(clock)
                        .intercept(exchange(PayloadExchangeType.REQUEST_STREAM),
                                exchange -> Mono.fromRunnable(() -> reached.set(true)))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                tokenExpiringAt(Instant.ofEpochSecond(10)))))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(TokenExpired.MESSAGE))
                .verify(Duration.ofSeconds(5));
        assertThat(reached).isFalse();
    }

    @Test
    void requestUnderATokenStillValidOrTheSetupItselfThenPassedOn() {
        time.advanceTimeTo(Instant.ofEpochSecond(10));
        AtomicBoolean reached = new AtomicBoolean();

        StepVerifier.create(TokenExpiry.refusingExpired(clock)
                        .intercept(exchange(PayloadExchangeType.REQUEST_RESPONSE),
                                exchange -> Mono.fromRunnable(() -> reached.set(true)))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                tokenExpiringAt(Instant.ofEpochSecond(11)))))
                .verifyComplete();
        assertThat(reached).isTrue();

        reached.set(false);
        StepVerifier.create(TokenExpiry.refusingExpired(clock)
                        .intercept(exchange(PayloadExchangeType.SETUP),
                                exchange -> Mono.fromRunnable(() -> reached.set(true)))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                tokenExpiringAt(Instant.ofEpochSecond(10)))))
                .verifyComplete();
        assertThat(reached).as("the setup is judged by the decoder, not here").isTrue();
    }

    private static DefaultPayloadExchange exchange(PayloadExchangeType type) {
        return new DefaultPayloadExchange(type, DefaultPayload.create("{}"), MimeTypeUtils.APPLICATION_JSON,
                MimeTypeUtils.APPLICATION_JSON);
    }
}
