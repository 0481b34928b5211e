package com.hotlineops.core.security;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Users and their credentials, stored in PostgreSQL. */
@Component
public class UserDirectory {

    private static final String COLUMNS = "id, username, password_hash, display_name, roles, unit_id, grid_id, enabled, "
            + "token_generation, password_change_required";

    private final DatabaseClient db;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();
    /** Checked when there is no enabled account to check against, so such a login takes as long as a wrong one. */
    private final String standIn = passwords.encode(UUID.randomUUID().toString());

    UserDirectory(DatabaseClient db) {
        this.db = db;
    }

    public Mono<UserAccount> findByUsername(String username) {
        return db.sql("select " + COLUMNS + " from app_user where username = :u").bind("u", username)
                .map(UserDirectory::read).one();
    }

    public Mono<UserAccount> findById(UUID id) {
        return db.sql("select " + COLUMNS + " from app_user where id = :id").bind("id", id)
                .map(UserDirectory::read).one();
    }

    /**
     * The enabled user with these credentials, or {@link BadCredentialsException} without saying which part was
     * wrong. BCrypt is slow on purpose, so it runs off the event loop; an unknown or disabled account is checked
     * against a stand-in hash, so its answer takes as long as a wrong password's (decision 0037). Logins go through
     * {@link LoginThrottle}, which limits the failures.
     */
    Mono<UserAccount> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Mono.error(new BadCredentialsException("Bad credentials"));
        }
        return findByUsername(username)
                .filter(UserAccount::enabled)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    boolean right = matches(password, found.map(UserAccount::passwordHash).orElse(standIn));
                    return right && found.isPresent() ? Mono.just(found.get())
                            : Mono.error(new BadCredentialsException("Bad credentials"));
                });
    }

    /** A BCrypt hash of the password; the password itself is never stored or logged. */
    public String hash(String rawPassword) {
        return passwords.encode(rawPassword);
    }

    /** Whether the password is the one of this BCrypt hash. Slow on purpose: call it off the event loop. */
    public boolean matches(String rawPassword, String passwordHash) {
        return rawPassword != null && passwordHash != null && passwords.matches(rawPassword, passwordHash);
    }

    private static UserAccount read(Readable row) {
        String[] roles = row.get("roles", String[].class);
        return new UserAccount(row.get("id", UUID.class), row.get("username", String.class),
                row.get("password_hash", String.class), row.get("display_name", String.class),
                Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
                row.get("unit_id", UUID.class), row.get("grid_id", UUID.class), row.get("enabled", Boolean.class),
                row.get("token_generation", Integer.class),
                row.get("password_change_required", Boolean.class));
    }
}
