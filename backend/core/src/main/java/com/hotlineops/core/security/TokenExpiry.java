package com.hotlineops.core.security;

import com.hotlineops.contract.auth.TokenExpired;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.plugins.SocketAcceptorInterceptor;
import io.rsocket.util.RSocketProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.api.PayloadInterceptor;
import org.springframework.security.rsocket.api.PayloadInterceptorChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * On RSocket, nothing outlives the access token it runs under (decision 0043). Spring Security authenticates a token
 * sent in the SETUP frame once, for the whole connection, and a stream once, when it opens; a connection and its
 * streams may live for hours, a token 15 minutes. So, in the backend and the mobile API alike:
 * <ul>
 *   <li>{@link #refusingExpired} refuses every request and new stream whose token has expired, strictly (without the
 *   decoder's 60 s clock skew: issuer and checker share one clock in a deployment), whether the token came with the
 *   request or at setup;</li>
 *   <li>{@link #endingStreams} ends every request-stream and request-channel when the token it was opened with
 *   expires, with {@link TokenExpired#MESSAGE}. A disabled account, or one whose roles, unit or grid changed, gets no
 *   new token (decision 0032), so its streams stop within 15 minutes instead of lasting as long as the
 *   connection.</li>
 * </ul>
 * Request-response calls are unaffected beyond the first point: each is authenticated on its own.
 */
public final class TokenExpiry {

    private TokenExpiry() {
    }

    /** The error frame of an expired token, the same in both apps. */
    static ApplicationErrorException error() {
        return new ApplicationErrorException(TokenExpired.MESSAGE);
    }

    /** When the caller's bearer token expires; empty for any other kind of authentication or a token without expiry. */
    static Optional<Instant> expiresAt(Authentication authentication) {
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                ? Optional.ofNullable(token.getToken().getExpiresAt())
                : Optional.empty();
    }

    /** Whether the caller's bearer token has expired at {@code now}. */
    static boolean expired(Authentication authentication, Instant now) {
        return expiresAt(authentication).filter(expiry -> !now.isBefore(expiry)).isPresent();
    }

    /**
     * A payload interceptor for {@code RSocketSecurity}: a request or new stream whose token has expired is refused
     * with {@link TokenExpired#MESSAGE}. It runs after authentication and before authorization (and before the
     * apps' own checks just before it), so an expired token is told as such rather than as a missing role.
     */
    public static PayloadInterceptor refusingExpired(Clock clock) {
        return new RefusingExpired(clock);
    }

    /**
     * Wraps the app's responder so its request-streams and request-channels end at their token's expiry. It must sit
     * inside Spring Security's acceptor, where each request's authentication is in the Reactor context: register it
     * before Spring Security's interceptor (an {@code RSocketServerCustomizer} of the highest precedence; rsocket-java
     * applies the first registered acceptor interceptor innermost). A stream without a bearer token that expires is
     * refused: both apps authenticate every stream with one, so that can only be a wiring mistake, and it must not
     * make streams immortal.
     */
    public static SocketAcceptorInterceptor endingStreams(Clock clock) {
        return endingStreams(clock, Schedulers.parallel());
    }

    static SocketAcceptorInterceptor endingStreams(Clock clock, Scheduler timer) {
        return acceptor -> (setup, sendingSocket) -> acceptor.accept(setup, sendingSocket)
                .map(responder -> new EndingStreams(responder, clock, timer));
    }

    /**
     * {@code stream} until {@code expiresAt}, then {@link TokenExpired#MESSAGE}: the stream is cancelled and the error
     * follows. A stream that ends by itself before then ends as it would have.
     */
    static <T> Flux<T> until(Flux<T> stream, Instant expiresAt, Clock clock, Scheduler timer) {
        return Flux.defer(() -> {
            Duration left = Duration.between(clock.instant(), expiresAt);
            AtomicBoolean expired = new AtomicBoolean();
            Mono<Long> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left, timer)
                    .doOnNext(tick -> expired.set(true));
            return stream.takeUntilOther(expiry)
                    .concatWith(Mono.defer(() -> expired.get() ? Mono.error(TokenExpiry::error) : Mono.empty()));
        });
    }

    private static final class RefusingExpired implements PayloadInterceptor, Ordered {

        private final Clock clock;

        RefusingExpired(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
            if (!exchange.getType().isRequest()) {
                return chain.next(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(authentication -> expired(authentication, clock.instant()))
                    .flatMap(authentication -> Mono.<Void>error(error()))
                    .switchIfEmpty(Mono.defer(() -> chain.next(exchange)));
        }

        @Override
        public int getOrder() {
            return PayloadInterceptorOrder.AUTHORIZATION.getOrder() - 2;
        }
    }

    private static final class EndingStreams extends RSocketProxy {

        private final Clock clock;
        private final Scheduler timer;

        EndingStreams(RSocket source, Clock clock, Scheduler timer) {
            super(source);
            this.clock = clock;
            this.timer = timer;
        }

        @Override
        public Flux<Payload> requestStream(Payload payload) {
            return expiry().flatMapMany(at -> at.isPresent()
                    ? until(super.requestStream(payload), at.get(), clock, timer)
                    : refused(Mono.fromRunnable(payload::release)));
        }

        @Override
        public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
            return expiry().flatMapMany(at -> at.isPresent()
                    ? until(super.requestChannel(payloads), at.get(), clock, timer)
                    : refused(Flux.from(payloads).take(1).doOnNext(Payload::release).then()));
        }

        /** When the token of the request being served expires, from the context Spring Security put it in. */
        private static Mono<Optional<Instant>> expiry() {
            return ReactiveSecurityContextHolder.getContext()
                    .map(context -> Optional.ofNullable(context.getAuthentication()).flatMap(TokenExpiry::expiresAt))
                    .defaultIfEmpty(Optional.empty());
        }

        /** After {@code releasing} the request's payload. */
        private static Flux<Payload> refused(Mono<Void> releasing) {
            return releasing.thenMany(Flux.error(() -> new ApplicationErrorException(
                    "unauthorized: a stream needs a bearer token that expires")));
        }
    }
}
