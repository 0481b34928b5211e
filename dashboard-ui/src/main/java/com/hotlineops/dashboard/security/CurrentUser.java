package com.hotlineops.dashboard.security;

import com.hotlineops.contract.auth.TokenResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in desk user of the current request or UI access, and a bearer token for them that is good for at least
 * {@link #MARGIN}: an access token about to expire is exchanged for a new pair first (the backend's refresh grant).
 */
@Component
public class CurrentUser {

    /** A token must outlive the call it is used for. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final BackendTokens tokens;
    private final Clock clock;
    private final JsonMapper json;

    CurrentUser(BackendTokens tokens, Clock clock, JsonMapper json) {
        this.tokens = tokens;
        this.clock = clock;
        this.json = json;
    }

    public Optional<DeskUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DeskUser user
                ? Optional.of(user) : Optional.empty();
    }

    public DeskUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no desk user signed in"));
    }

    /** The access token to present now, refreshed first if it would expire within {@link #MARGIN}. */
    public String bearer() {
        return bearer(require());
    }

    /**
     * The same for a user taken earlier from a request or UI access: for calls made later on another thread (a stream
     * reconnecting), where nobody is signed in. A refresh replaces {@code user}'s tokens, so their session has them.
     */
    public String bearer(DeskUser user) {
        DeskUser.BackendCredentials credentials = user.credentials();
        if (credentials.expiresBefore(clock.instant().plus(MARGIN))) {
            refresh(credentials, false);
        }
        return credentials.accessToken();
    }

    /**
     * The token for a stream's next connection, off the caller's thread (a refresh is a blocking call): the current
     * one ({@link #bearer(DeskUser)}), or a renewed one when the backend has just said {@code expired} expired
     * ({@link #renewed}); null {@code expired} for an ordinary (re)connection.
     */
    public Mono<String> streamToken(DeskUser user, String expired) {
        return Mono.fromCallable(() -> expired == null ? bearer(user) : renewed(user, expired))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A token other than {@code expired}, which the backend has said expired (it ends a stream when the token it was
     * opened with expires, decision 0043): refreshed now, unless another call has replaced it meanwhile, whatever
     * this side's clock makes of it. For a stream reconnecting on another thread, like {@link #bearer(DeskUser)}.
     */
    public String renewed(DeskUser user, String expired) {
        DeskUser.BackendCredentials credentials = user.credentials();
        synchronized (credentials) {
            if (credentials.accessToken().equals(expired)) {
                adopt(credentials, tokens.refresh(credentials.refreshToken()));
            }
        }
        return bearer(user);
    }

    /**
     * Exchanges the refresh token after the backend rejected the access token. False when the refresh token is no
     * longer good either: the user must sign in again.
     */
    public boolean refreshAfterRejection() {
        try {
            refresh(require().credentials(), true);
            return true;
        } catch (RestClientException e) {
            return false;
        }
    }

    private void refresh(DeskUser.BackendCredentials credentials, boolean rejected) {
        synchronized (credentials) {
            if (!rejected && !credentials.expiresBefore(clock.instant().plus(MARGIN))) {
                return; // another call refreshed it meanwhile
            }
            adopt(credentials, tokens.refresh(credentials.refreshToken()));
        }
    }

    /**
     * Takes a token pair the backend just issued for the signed-in user instead of theirs: after their own password
     * change (decision 0036), whose answer is the session's new pair while the old refresh token no longer works.
     */
    public void adopt(TokenResponse fresh) {
        DeskUser.BackendCredentials credentials = require().credentials();
        synchronized (credentials) {
            adopt(credentials, fresh);
        }
    }

    private void adopt(DeskUser.BackendCredentials credentials, TokenResponse fresh) {
        credentials.replace(fresh.accessToken(), fresh.refreshToken(), clock.instant().plusSeconds(fresh.expiresIn()),
                TokenClaims.read(json, fresh.accessToken()).map(TokenClaims::passwordChangeRequired).orElse(false));
    }
}
