package com.hotlineops.core.useradmin;

import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.security.FailedAttempts;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.core.security.UserAccount;
import com.hotlineops.core.security.UserDirectory;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A signed-in user changes their own password (decision 0036), on the backend and on the mobile API alike. The
 * current password must be right, the new one must follow the rules of user administration ({@link PasswordPolicy})
 * and differ from it. A change clears "password change required", moves the token generation on, so the refresh
 * tokens of every other session are refused, and answers a fresh token pair for the caller's own session. It is
 * recorded as PASSWORD_CHANGED with the user as the actor, without the password.
 *
 * <p>Against guessing with a stolen session: after {@value #MAX_FAILURES} wrong current passwords within
 * {@link #WINDOW} every further change is refused ({@link TooManyPasswordAttemptsException}) until the oldest leaves
 * the window; a successful change forgets them. The failures are counted by {@link FailedAttempts}.
 */
@Service
public class OwnPassword {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final FailedAttempts.Limit LIMIT =
            new FailedAttempts.Limit(FailedAttempts.Scope.PASSWORD_CHANGE, MAX_FAILURES, WINDOW);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final UserDirectory users;
    private final TokenService tokens;
    private final FailedAttempts attempts;

    OwnPassword(DatabaseClient db, TransactionalOperator tx, Clock clock, UserDirectory users, TokenService tokens,
            FailedAttempts attempts) {
        this.attempts = attempts;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.users = users;
        this.tokens = tokens;
    }

    /**
     * Changes the password of the account {@code userId} (the caller's own, from their token) and answers a fresh
     * token pair.
     *
     * @throws InvalidUserException              no body, no current password, or a new one that breaks the rules
     * @throws WrongPasswordException            the current password is wrong (counted against the limit)
     * @throws TooManyPasswordAttemptsException  too many wrong ones lately; nothing was checked
     * @throws BadCredentialsException           the account is disabled or gone
     */
    public Mono<TokenResponse> change(UUID userId, PasswordChange request) {
        return Mono.defer(() -> {
            if (request == null) {
                throw new InvalidUserException("A body is required");
            }
            if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
                throw new InvalidUserException("The current password is required");
            }
            return users.findById(userId)
                    .filter(UserAccount::enabled)
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The account is disabled")))
                    .flatMap(user -> {
                        PasswordPolicy.check(request.newPassword(), user.username());
                        if (request.newPassword().equals(request.currentPassword())) {
                            throw new InvalidUserException("The new password must differ from the current one");
                        }
                        return reserveAttempt(user.id())
                                .then(Mono.fromCallable(() -> users.matches(request.currentPassword(),
                                                user.passwordHash()))
                                        .subscribeOn(Schedulers.boundedElastic()))
                                .flatMap(right -> right ? store(user, request.newPassword())
                                        : Mono.error(new WrongPasswordException()));
                    })
                    .then(users.findById(userId))
                    .map(tokens::issue);
        });
    }

    /**
     * Counts the attempt as a failure before the password is checked ({@link FailedAttempts}), so attempts running at
     * the same time cannot all pass the limit; a right password removes it again.
     */
    private Mono<Void> reserveAttempt(UUID userId) {
        return attempts.reserve(now(), List.of(new FailedAttempts.Key(LIMIT, userId.toString())))
                .flatMap(reservation -> switch (reservation) {
                    case FailedAttempts.Reserved r -> Mono.<Void>empty();
                    case FailedAttempts.Refused r -> Mono.<Void>error(
                            new TooManyPasswordAttemptsException(r.failures(), WINDOW, r.retryAfter()));
                });
    }

    /**
     * Stores the new hash if the password is still the one just checked (an administrator may have reset it
     * meanwhile: then the current password given is wrong after all, and the attempt stays counted).
     */
    private Mono<Void> store(UserAccount user, String newPassword) {
        return Mono.fromCallable(() -> users.hash(newPassword)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> tx.transactional(db.sql("""
                                update app_user set password_hash = :hash, password_change_required = false,
                                       token_generation = token_generation + 1, updated_at = :now
                                 where id = :id and password_hash = :checked and enabled""")
                        .bind("hash", hash).bind("now", utc(now())).bind("id", user.id())
                        .bind("checked", user.passwordHash())
                        .fetch().rowsUpdated()
                        .flatMap(updated -> updated == 0 ? Mono.<Void>error(new WrongPasswordException())
                                : attempts.forget(LIMIT.scope(), user.id().toString())
                                        .then(db.sql("""
                                                        insert into user_admin_event
                                                               (user_id, type, actor_id, actor, occurred_at, changes)
                                                        values (:id, 'PASSWORD_CHANGED', :id, :username, :now, :changes)""")
                                                .bind("id", user.id()).bind("username", user.username())
                                                .bind("now", utc(now()))
                                                .bind("changes", Json.of(user.passwordChangeRequired()
                                                        ? "{\"passwordChangeRequired\":{\"before\":true,\"after\":false}}"
                                                        : "{}"))
                                                .then()))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
