package com.hotlineops.core.security;

import com.hotlineops.core.config.HotlineProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Every login with a password, on the backend and the mobile API alike, goes through here (decision 0037). After
 * {@code maxFailuresPerUsername} failed logins for a username within the window, or {@code maxFailuresPerAddress}
 * from one client address, further logins for it are refused ({@link TooManyLoginsException}) without checking the
 * password, so guessing stops, until enough failures have left the window. A username nobody has is counted exactly
 * like one that exists, so the answers tell nothing about which do. A successful login forgets the username's
 * failures (not the address's: one's own account must not reset the count of guesses at others').
 *
 * <p>Each attempt is counted as a failure before the password is checked ({@link FailedAttempts}), so attempts
 * running at the same time cannot pass the limit together. Every login is counted in
 * {@code hotline.auth.logins{outcome=ok|bad_credentials|throttled}}.
 */
@Service
public class LoginThrottle {

    private final FailedAttempts attempts;
    private final UserDirectory users;
    private final Clock clock;
    private final FailedAttempts.Limit perUsername;
    private final FailedAttempts.Limit perAddress;
    private final TrustedProxies proxies;
    private final Counter ok;
    private final Counter badCredentials;
    private final Counter throttled;

    LoginThrottle(FailedAttempts attempts, UserDirectory users, Clock clock, HotlineProperties properties,
            MeterRegistry meters) {
        this.attempts = attempts;
        this.users = users;
        this.clock = clock;
        HotlineProperties.Login login = properties.security().login();
        this.perUsername = new FailedAttempts.Limit(FailedAttempts.Scope.LOGIN_USERNAME,
                login.maxFailuresPerUsername(), login.window());
        this.perAddress = new FailedAttempts.Limit(FailedAttempts.Scope.LOGIN_ADDRESS,
                login.maxFailuresPerAddress(), login.window());
        this.proxies = new TrustedProxies(login.trustedProxies());
        this.ok = logins(meters, "ok");
        this.badCredentials = logins(meters, "bad_credentials");
        this.throttled = logins(meters, "throttled");
    }

    private static Counter logins(MeterRegistry meters, String outcome) {
        return Counter.builder("hotline.auth.logins")
                .description("Logins with a password: ok, bad_credentials (wrong password, unknown or disabled "
                        + "account, an account this app does not serve) or throttled (refused unchecked)")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * The client address a login is counted under: the connection's peer, or what a trusted proxy says it forwarded
     * for ({@link TrustedProxies}).
     */
    public String clientAddress(InetAddress peer, List<String> forwardedFor) {
        return proxies.clientAddress(peer, forwardedFor);
    }

    /**
     * The enabled account with these credentials that {@code servedHere} accepts.
     *
     * @param clientAddress from {@link #clientAddress}; null when unknown (then only the username is limited)
     * @throws BadCredentialsException a wrong password, an unknown or disabled account, or one {@code servedHere}
     *                                 refuses, all alike and all counted as failures
     * @throws TooManyLoginsException  the username or the address has too many failures lately; nothing was checked
     */
    public Mono<UserAccount> authenticate(String username, String password, String clientAddress,
            Predicate<UserAccount> servedHere) {
        return Mono.defer(() -> {
            if (username == null || username.isEmpty() || password == null) {
                badCredentials.increment();
                return Mono.error(new BadCredentialsException("Bad credentials"));
            }
            FailedAttempts.Key user = new FailedAttempts.Key(perUsername, FailedAttempts.digest(username));
            List<FailedAttempts.Key> keys = new ArrayList<>(List.of(user));
            if (clientAddress != null) {
                keys.add(new FailedAttempts.Key(perAddress, clientAddress));
            }
            return attempts.reserve(now(), keys).flatMap(reservation -> switch (reservation) {
                case FailedAttempts.Refused refused -> {
                    throttled.increment();
                    yield Mono.error(new TooManyLoginsException(
                            refused.key().limit().scope() == FailedAttempts.Scope.LOGIN_ADDRESS, refused.retryAfter()));
                }
                case FailedAttempts.Reserved reserved -> users.authenticate(username, password)
                        .filter(servedHere)
                        .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Bad credentials")))
                        .flatMap(account -> attempts.forget(user.limit().scope(), user.subject())
                                .then(clientAddress == null ? Mono.empty()
                                        : attempts.release(reserved, keys.get(1)))
                                .doOnSuccess(done -> ok.increment())
                                .thenReturn(account))
                        .doOnError(BadCredentialsException.class, e -> badCredentials.increment());
            });
        });
    }

    /** Until when each of these usernames is throttled; usernames that are not are not in the answer. */
    public Mono<Map<String, Instant>> throttledUntil(Collection<String> usernames) {
        Map<String, String> byDigest = new HashMap<>();
        usernames.forEach(u -> byDigest.put(FailedAttempts.digest(u), u));
        return attempts.blockedUntil(perUsername, byDigest.keySet(), now()).map(blocked -> {
            Map<String, Instant> until = new HashMap<>();
            blocked.forEach((digest, instant) -> until.put(byDigest.get(digest), instant));
            return until;
        });
    }

    /**
     * Forgets the username's failed logins, under the same lock as a login for it; run it inside the caller's
     * transaction.
     */
    public Mono<Void> unlock(String username) {
        FailedAttempts.Key key = new FailedAttempts.Key(perUsername, FailedAttempts.digest(username));
        return attempts.lock(key).then(attempts.forget(key.limit().scope(), key.subject()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
