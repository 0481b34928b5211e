package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenExpired;
import io.rsocket.RSocket;
import io.rsocket.exceptions.ConnectionCloseException;
import io.rsocket.exceptions.ConnectionErrorException;
import io.rsocket.exceptions.SetupException;
import io.rsocket.metadata.WellKnownMimeType;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The backend's request-streams over RSocket TCP (DESIGN.md §4), as the wall and the consoles follow them. Each
 * subscription opens a connection of its own and signs in with the bearer token it is given, in the setup metadata
 * and in the request's composite metadata next to the route: the wall with its service account's token, a console
 * with the signed-in user's own, since what a stream shows may depend on who asks ({@code callbacks.tasks} masks
 * numbers per subscriber).
 *
 * <p>The backend ends a stream when the token it was opened with expires ({@link TokenExpired}, decision 0043). That
 * is planned, not a fault: a follower opens the stream again at once with a fresh token, without the backoff that
 * other losses wait out.
 */
public class BackendStreams {

    static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    /** A dead peer (no FIN, e.g. a pulled cable) shows up within seconds rather than after the 90 s default. */
    private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(2);
    private static final Duration KEEPALIVE_MAX_LIFETIME = Duration.ofSeconds(8);

    private final Supplier<RSocketRequester.Builder> builders;
    private final String host;
    private final int port;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    /**
     * @param builders     a fresh requester builder per connection (Boot's carries its JSON codecs)
     * @param firstBackoff delay before the first reconnection of {@link #following}; doubles up to
     *                     {@code maxBackoff}, and starts over once a connection delivered an item
     */
    BackendStreams(Supplier<RSocketRequester.Builder> builders, String host, int port, Duration firstBackoff,
            Duration maxBackoff) {
        this.builders = builders;
        this.host = host;
        this.port = port;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * One connection to {@code route}: a cold flux whose every subscription takes a token from {@code bearer}, then
     * connects; it ends when the backend ends the stream (by error or completion) or the connection drops, and
     * cancelling it closes the connection.
     */
    public <T> Flux<T> stream(String route, Class<T> type, Mono<String> bearer) {
        return bearer.flatMapMany(token -> stream(route, type, token));
    }

    /**
     * {@code route} followed for as long as the subscription lasts: whenever a connection ends, for whatever reason,
     * {@code onLost} hears why and a new one is opened (with a token from {@code bearer}) after an exponential
     * backoff, or at once with a renewed token when the backend ended the stream because its token expired. A stream
     * that ends normally counts as lost too: whoever follows a stream wants it live.
     */
    public <T> Flux<T> following(String route, Class<T> type, Bearer bearer, Consumer<Throwable> onLost) {
        return Flux.defer(() -> {
            AtomicReference<String> used = new AtomicReference<>();
            AtomicReference<String> expired = new AtomicReference<>();
            return Mono.defer(() -> bearer.next(expired.getAndSet(null)))
                    .doOnNext(used::set)
                    .flatMapMany(token -> stream(route, type, token))
                    .concatWith(Flux.error(() -> new StreamEndedException(route)))
                    .doOnError(error -> {
                        if (TokenExpired.is(error)) {
                            expired.set(used.get());
                        }
                    })
                    .doOnError(onLost)
                    .retryWhen(reconnect(firstBackoff, maxBackoff, Schedulers.parallel()));
        });
    }

    /** Where a followed stream's connections take their tokens from. */
    @FunctionalInterface
    public interface Bearer {

        /**
         * The token for the next connection.
         *
         * @param expired null, or the token the backend has just said expired ({@link TokenExpired}): a renewed one is
         *                needed then, whatever this side's clock makes of the old one
         */
        Mono<String> next(String expired);
    }

    /**
     * Reconnection for ever, the delay doubling from {@code first} up to {@code max} (with jitter), and starting over
     * after a connection that delivered something; no delay at all after a connection that delivered something and
     * then ended because its token expired (decision 0043). One renewal at once per delivering connection: a stream
     * refused for its token again before delivering anything waits like any other loss. Timers on {@code timer}, so
     * tests may use virtual time.
     */
    static Retry reconnect(Duration first, Duration max, Scheduler timer) {
        RetryBackoffSpec backoff = Retry.backoff(Long.MAX_VALUE, first).maxBackoff(max).transientErrors(true)
                .scheduler(timer);
        return Retry.from(signals -> signals.concatMap(signal -> renewAtOnce(signal)
                ? Flux.just(signal.totalRetries())
                : Flux.from(backoff.generateCompanion(Flux.just(signal.copy()))).take(1)));
    }

    private static boolean renewAtOnce(Retry.RetrySignal signal) {
        return TokenExpired.is(signal.failure()) && signal.totalRetriesInARow() == 0;
    }

    private <T> Flux<T> stream(String route, Class<T> type, String token) {
        BearerTokenMetadata credentials = new BearerTokenMetadata(token);
        RSocketRequester requester = builders.get()
                .rsocketStrategies(strategies -> strategies.encoder(new BearerTokenAuthenticationEncoder()))
                .dataMimeType(MediaType.APPLICATION_JSON)
                .setupMetadata(credentials, AUTHENTICATION)
                .rsocketConnector(connector -> connector.keepAlive(KEEPALIVE_INTERVAL, KEEPALIVE_MAX_LIFETIME))
                .tcp(host, port);
        return requester.route(route)
                .metadata(credentials, AUTHENTICATION)
                .retrieveFlux(type)
                .doOnComplete(requester::dispose)
                .doOnCancel(() -> closeWhenConnected(requester))
                .doOnError(error -> {
                    if (!connectionGone(error)) {
                        requester.dispose();
                    }
                });
    }

    /**
     * A stream cancelled while its connection is still being made (a console left at once) closes that connection
     * as soon as it is up: disposing the requester meanwhile would only report its own cancellation as a dropped
     * error.
     */
    private static void closeWhenConnected(RSocketRequester requester) {
        requester.rsocketClient().source().subscribe(RSocket::dispose, neverConnected -> { });
    }

    /**
     * Whether the error means there is no connection left to close (never made, closed, or refused at setup).
     * Disposing a requester then only reports its own cancellation as a dropped error, once per reconnection
     * attempt while the backend is down.
     */
    static boolean connectionGone(Throwable error) {
        return error instanceof ConnectException
                || error instanceof ClosedChannelException
                || error instanceof ConnectionErrorException
                || error instanceof ConnectionCloseException
                || error instanceof SetupException;
    }

    /** The backend ended a stream normally; for a follower that is a disconnection like any other. */
    static final class StreamEndedException extends RuntimeException {

        StreamEndedException(String route) {
            super(route + " stream completed", null, false, false);
        }
    }
}
