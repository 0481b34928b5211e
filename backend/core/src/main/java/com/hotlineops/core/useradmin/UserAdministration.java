package com.hotlineops.core.useradmin;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.PasswordReset;
import com.hotlineops.contract.user.UserChange;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserEdit;
import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.core.org.OrgDirectory;
import com.hotlineops.core.org.OrgUnit;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.LoginThrottle;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.security.UserDirectory;
import com.hotlineops.core.support.FieldChanges;
import com.hotlineops.core.support.IdCursor;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts as administrators manage them (decision 0032). Every change is one transaction that also writes a
 * {@code user_admin_event} row (who, what before and after, when). Disabling an account, changing its roles, unit or
 * grid, or resetting its password moves its token generation on, so its refresh tokens are refused from then on and it
 * keeps working at most until its access token expires. A password an administrator set must be changed by its user
 * first (decision 0036). The list shows whether an account's logins are throttled after too many failures, and an
 * administrator can lift that (decision 0037). Administrators cannot lock themselves out: they may not
 * disable their own account or remove their own ADMIN role, and no change may leave no enabled administrator.
 * Passwords are stored as BCrypt hashes only and never answered, recorded or logged.
 */
@Service
public class UserAdministration {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    static final int DISPLAY_NAME_MAX = 60;
    static final int QUERY_MAX = 100;
    /**
     * Taken by every write, so writes to accounts happen one after the other: two administrators disabling each other
     * at once must not both pass the check that an enabled administrator remains.
     */
    private static final long WRITE_LOCK = 0x5553455241444d4eL;

    private static final String COLUMNS = """
            id, username, display_name, roles, unit_id, grid_id, enabled, password_change_required, created_at,
            updated_at""";
    private static final String SELECT = "select " + COLUMNS + " from app_user";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final JsonMapper json;
    private final LoginThrottle throttle;

    UserAdministration(DatabaseClient db, TransactionalOperator tx, Clock clock, UserDirectory users, OrgDirectory org,
            JsonMapper json, LoginThrottle throttle) {
        this.throttle = throttle;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.users = users;
        this.org = org;
        this.json = json;
    }

    /**
     * A page of accounts by username, filtered by every criterion given.
     *
     * @param role   a role name; accounts that have it among theirs
     * @param q      part of the username or display name, in any letter case
     * @param limit  1–{@value #MAX_LIMIT}; 0 for {@value #DEFAULT_LIMIT}
     * @param cursor the {@code nextCursor} of the previous page, or null
     */
    public Mono<UserPage> list(String role, UUID unitId, UUID gridId, Boolean enabled, String q, int limit,
            String cursor) {
        return Mono.defer(() -> {
            int size = limit == 0 ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                throw new InvalidUserException("limit must be between 1 and " + MAX_LIMIT);
            }
            if (cursor != null && !USERNAME.matcher(cursor).matches()) {
                throw new InvalidUserException("cursor must be the nextCursor of a previous page");
            }
            StringBuilder where = new StringBuilder(" where username > :after");
            Map<String, Object> binds = new LinkedHashMap<>();
            binds.put("after", cursor == null ? "" : cursor);
            if (role != null) {
                where.append(" and :role = any(roles)");
                binds.put("role", role(role).name());
            }
            if (unitId != null) {
                where.append(" and unit_id = :unit");
                binds.put("unit", unitId);
            }
            if (gridId != null) {
                where.append(" and grid_id = :grid");
                binds.put("grid", gridId);
            }
            if (enabled != null) {
                where.append(" and enabled = :enabled");
                binds.put("enabled", enabled);
            }
            if (q != null && !q.isBlank()) {
                if (q.length() > QUERY_MAX) {
                    throw new InvalidUserException("q must be at most " + QUERY_MAX + " characters");
                }
                where.append(" and (username ilike :q escape '\\' or display_name ilike :q escape '\\')");
                binds.put("q", "%" + q.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
            }
            GenericExecuteSpec spec = db.sql(SELECT + where + " order by username limit :limit")
                    .bind("limit", size + 1);
            for (Map.Entry<String, Object> bind : binds.entrySet()) {
                spec = spec.bind(bind.getKey(), bind.getValue());
            }
            return spec.map(UserAdministration::view).all().collectList()
                    .flatMap(this::withThrottles)
                    .map(rows -> rows.size() > size
                            ? new UserPage(rows.subList(0, size), rows.get(size - 1).username())
                            : new UserPage(rows, null));
        });
    }

    public Mono<UserView> find(UUID id) {
        return db.sql(SELECT + " where id = :id").bind("id", id).map(UserAdministration::view).one()
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)))
                .flatMap(user -> withThrottles(List.of(user))).map(List::getFirst);
    }

    /**
     * Lifts the account's login throttle (decision 0037): its failed logins are forgotten, so the user can sign in
     * again at once. Idempotent: an account that is not throttled is answered as it is, and nothing is recorded.
     * A throttle on the client's address is not the account's and stays until it runs out.
     */
    public Mono<UserView> unlock(UUID id, Actor admin) {
        return tx.transactional(writeLock()
                .then(locked(id))
                .flatMap(before -> throttle.unlock(before.username())
                        .then(before.throttled()
                                ? record(id, "UNLOCKED", admin,
                                        Map.of("throttled", new FieldChange(true, false)))
                                : Mono.empty())
                        .then(find(id))));
    }

    /** The rows with whether their username's logins are throttled now. */
    private Mono<List<UserView>> withThrottles(List<UserView> rows) {
        return throttle.throttledUntil(rows.stream().map(UserView::username).toList())
                .map(until -> rows.stream().map(u -> new UserView(u.id(), u.username(), u.displayName(), u.roles(),
                        u.unitId(), u.gridId(), u.enabled(), u.passwordChangeRequired(), until.get(u.username()),
                        u.createdAt(), u.updatedAt())).toList());
    }

    /**
     * Creates an enabled account whose user must change the initial password before doing anything else (decision
     * 0036). Not idempotent on purpose: a username that exists is refused
     * ({@link UsernameTakenException}) rather than answered with the account that has it.
     */
    public Mono<UserView> create(NewUser request, Actor admin) {
        return Mono.defer(() -> {
            if (request == null) {
                throw new InvalidUserException("A body is required");
            }
            String username = username(request.username());
            String displayName = displayName(request.displayName());
            Set<Role> roles = roles(request.roles());
            PasswordPolicy.check(request.initialPassword(), username);
            UUID id = UUID.randomUUID();
            return placement(roles, request.unitId(), request.gridId())
                    .flatMap(place -> hash(request.initialPassword()).flatMap(hash -> tx.transactional(writeLock()
                            .then(requireFree(username))
                            .then(withPlace(db.sql("""
                                            insert into app_user (id, username, password_hash, display_name, roles,
                                                                  unit_id, grid_id, enabled, created_at,
                                                                  password_change_required)
                                            values (:id, :username, :hash, :name, :roles, :unit, :grid, true, :now,
                                                    true)"""),
                                    place)
                                    .bind("id", id).bind("username", username).bind("hash", hash)
                                    .bind("name", displayName).bind("roles", names(roles))
                                    .bind("now", utc(now())).then())
                            .then(record(id, "CREATED", admin, created(username, displayName, roles, place)))
                            .then(find(id)))));
        });
    }

    /**
     * Sets the display name, roles, unit and grid. Repeating the same edit changes nothing and records nothing. A
     * change of roles, unit or grid ends the account's refresh tokens, so its next token says what it is now.
     */
    public Mono<UserView> update(UUID id, UserEdit edit, Actor admin) {
        return Mono.defer(() -> {
            if (edit == null) {
                throw new InvalidUserException("A body is required");
            }
            String displayName = displayName(edit.displayName());
            Set<Role> roles = roles(edit.roles());
            return placement(roles, edit.unitId(), edit.gridId()).flatMap(place -> tx.transactional(writeLock()
                    .then(locked(id))
                    .flatMap(before -> {
                        Map<String, FieldChange> changes = new LinkedHashMap<>();
                        FieldChanges.put(changes, "displayName", before.displayName(), displayName);
                        FieldChanges.put(changes, "roles", before.roles(), sorted(roles));
                        FieldChanges.put(changes, "unitId", text(before.unitId()), text(place.unitId()));
                        FieldChanges.put(changes, "gridId", text(before.gridId()), text(place.gridId()));
                        if (changes.isEmpty()) {
                            return Mono.just(before);
                        }
                        if (id.equals(admin.userId()) && before.roles().contains(Role.ADMIN.name())
                                && !roles.contains(Role.ADMIN)) {
                            return Mono.error(new LockoutRefusedException(
                                    "You cannot remove your own ADMIN role; another administrator can"));
                        }
                        boolean tokensSayOtherwise = changes.keySet().stream().anyMatch(f -> !f.equals("displayName"));
                        return withPlace(db.sql("""
                                        update app_user set display_name = :name, roles = :roles, unit_id = :unit,
                                               grid_id = :grid, updated_at = :now,
                                               token_generation = token_generation + :bump
                                         where id = :id"""), place)
                                .bind("name", displayName).bind("roles", names(roles)).bind("now", utc(now()))
                                .bind("bump", tokensSayOtherwise ? 1 : 0).bind("id", id).then()
                                .then(requireAnAdministrator())
                                .then(record(id, "UPDATED", admin, changes))
                                .then(find(id));
                    })));
        });
    }

    /**
     * Disables the account: it can no longer log in, and its refresh tokens are refused. Idempotent: a disabled
     * account is answered as it is, and nothing is recorded. Administrators cannot disable themselves.
     */
    public Mono<UserView> disable(UUID id, Actor admin) {
        if (id.equals(admin.userId())) {
            return Mono.error(new LockoutRefusedException(
                    "You cannot disable your own account; another administrator can"));
        }
        return switchEnabled(id, false, admin);
    }

    /** Enables a disabled account; its old refresh tokens stay refused. Idempotent like {@link #disable}. */
    public Mono<UserView> enable(UUID id, Actor admin) {
        return switchEnabled(id, true, admin);
    }

    private Mono<UserView> switchEnabled(UUID id, boolean enabled, Actor admin) {
        return tx.transactional(writeLock()
                .then(locked(id))
                .flatMap(before -> before.enabled() == enabled ? Mono.just(before)
                        : db.sql("""
                                        update app_user set enabled = :enabled, updated_at = :now,
                                               token_generation = token_generation + :bump
                                         where id = :id""")
                                .bind("enabled", enabled).bind("now", utc(now())).bind("bump", enabled ? 0 : 1)
                                .bind("id", id).then()
                                .then(requireAnAdministrator())
                                .then(record(id, enabled ? "ENABLED" : "DISABLED", admin,
                                        Map.of("enabled", new FieldChange(!enabled, enabled))))
                                .then(find(id))));
    }

    /**
     * Sets the password an administrator typed and ends the account's refresh tokens. Recorded without the password.
     * The user must change it before doing anything else (decision 0036), unless the administrator reset their own.
     */
    public Mono<Void> resetPassword(UUID id, PasswordReset request, Actor admin) {
        return Mono.defer(() -> {
            if (request == null) {
                throw new InvalidUserException("A body is required");
            }
            return find(id)
                    .doOnNext(user -> PasswordPolicy.check(request.newPassword(), user.username()))
                    .then(hash(request.newPassword()))
                    .flatMap(hash -> tx.transactional(writeLock()
                            .then(locked(id))
                            .then(db.sql("""
                                            update app_user set password_hash = :hash, updated_at = :now,
                                                   token_generation = token_generation + 1,
                                                   password_change_required = :mustChange
                                             where id = :id""")
                                    .bind("hash", hash).bind("now", utc(now())).bind("id", id)
                                    .bind("mustChange", !id.equals(admin.userId())).then())
                            .then(record(id, "PASSWORD_RESET", admin, Map.of()))));
        });
    }

    /**
     * A page of what administrators (and, for its password, the user) changed on the account, newest first, paged as a
     * partner's changes are (decision 0038).
     *
     * @param limit  1–{@value #MAX_LIMIT}; 0 for {@value #DEFAULT_LIMIT}
     * @param cursor the {@code nextCursor} of the previous page, or null
     */
    public Mono<UserChangePage> changes(UUID id, int limit, String cursor) {
        return Mono.defer(() -> {
            int size = limit == 0 ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                return Mono.error(new InvalidUserException("limit must be between 1 and " + MAX_LIMIT));
            }
            long before = IdCursor.before(cursor, InvalidUserException::new);
            return find(id).then(db.sql("""
                            select id, user_id, type, actor, occurred_at, changes::text as changes
                              from user_admin_event
                             where user_id = :id and id < :before
                             order by id desc
                             limit :limit""")
                    .bind("id", id).bind("before", before).bind("limit", size + 1)
                    .map(r -> new UserChange(r.get("id", Long.class), r.get("user_id", UUID.class),
                            r.get("type", String.class), r.get("actor", String.class), instant(r, "occurred_at"),
                            FieldChanges.read(json, r.get("changes", String.class))))
                    .all().collectList()
                    .map(rows -> IdCursor.page(rows, size, UserChange::id, UserChangePage::new)));
        });
    }

    // --- rules ------------------------------------------------------------------------------------------------------

    /** Where the account belongs: a grid only for grid workers, its unit taken from the grid when not given. */
    private record Place(UUID unitId, UUID gridId) {
    }

    private Mono<Place> placement(Set<Role> roles, UUID unitId, UUID gridId) {
        boolean worker = roles.contains(Role.GRID_WORKER);
        if (worker && gridId == null) {
            return Mono.error(new InvalidUserException("A GRID_WORKER account needs a grid (gridId)"));
        }
        if (!worker && gridId != null) {
            return Mono.error(new InvalidUserException("gridId is only for GRID_WORKER accounts"));
        }
        Mono<Optional<OrgUnit>> grid = gridId == null ? Mono.just(Optional.empty()) : org.find(gridId)
                .switchIfEmpty(Mono.error(() -> new InvalidUserException("No organisation unit " + gridId)))
                .map(g -> {
                    if (g.kind() != OrgUnit.Kind.GRID) {
                        throw new InvalidUserException("gridId must be a grid; " + g.code() + " is a " + g.kind());
                    }
                    return Optional.of(g);
                });
        Mono<Optional<OrgUnit>> unit = unitId == null ? Mono.just(Optional.empty()) : org.find(unitId)
                .switchIfEmpty(Mono.error(() -> new InvalidUserException("No organisation unit " + unitId)))
                .map(u -> {
                    if (u.kind() == OrgUnit.Kind.GRID) {
                        throw new InvalidUserException("unitId must be a township, department or district; "
                                + u.code() + " is a grid (give it as gridId)");
                    }
                    return Optional.of(u);
                });
        return Mono.zip(grid, unit).map(t -> {
            OrgUnit g = t.getT1().orElse(null);
            OrgUnit u = t.getT2().orElse(null);
            if (g != null && u != null && !u.id().equals(g.parentId())) {
                throw new InvalidUserException("Grid " + g.code() + " does not belong to unit " + u.code());
            }
            UUID resolvedUnit = u != null ? u.id() : g != null ? g.parentId() : null;
            if (roles.contains(Role.UNIT_HANDLER) && resolvedUnit == null) {
                throw new InvalidUserException("A UNIT_HANDLER account needs a unit (unitId)");
            }
            return new Place(resolvedUnit, g == null ? null : g.id());
        });
    }

    private static String username(String username) {
        String u = username == null ? "" : username.strip();
        if (!USERNAME.matcher(u).matches()) {
            throw new InvalidUserException("The username must be 2–40 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return u;
    }

    private static String displayName(String displayName) {
        String d = displayName == null ? "" : displayName.strip();
        if (d.isEmpty() || d.length() > DISPLAY_NAME_MAX) {
            throw new InvalidUserException("The display name must have 1–" + DISPLAY_NAME_MAX + " characters");
        }
        return d;
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidUserException("At least one role is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(role(name));
        }
        return roles;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(Objects.requireNonNullElse(name, "").strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidUserException("Unknown role " + name + "; the roles are "
                    + Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    // --- persistence ------------------------------------------------------------------------------------------------

    private Mono<Void> writeLock() {
        return db.sql("select pg_advisory_xact_lock(:key)").bind("key", WRITE_LOCK).then();
    }

    private Mono<UserView> locked(UUID id) {
        return db.sql(SELECT + " where id = :id for update").bind("id", id).map(UserAdministration::view).one()
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)))
                .flatMap(user -> withThrottles(List.of(user))).map(List::getFirst);
    }

    private Mono<Void> requireFree(String username) {
        return db.sql("select 1 from app_user where username = :u").bind("u", username).map(r -> true).one()
                .flatMap(taken -> Mono.<Void>error(new UsernameTakenException(username)));
    }

    private Mono<Void> requireAnAdministrator() {
        return db.sql("select count(*) as n from app_user where enabled and :admin = any(roles)")
                .bind("admin", Role.ADMIN.name()).map(r -> r.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : Mono.error(new LockoutRefusedException(
                        "At least one enabled administrator must remain")));
    }

    private Mono<Void> record(UUID user, String type, Actor admin, Map<String, FieldChange> changes) {
        return db.sql("""
                        insert into user_admin_event (user_id, type, actor_id, actor, occurred_at, changes)
                        values (:user, :type, :actorId, :actor, :now, :changes)""")
                .bind("user", user).bind("type", type).bind("actorId", admin.userId())
                .bind("actor", admin.username()).bind("now", utc(now()))
                .bind("changes", FieldChanges.json(json, changes))
                .then();
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> users.hash(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static GenericExecuteSpec withPlace(GenericExecuteSpec spec, Place place) {
        spec = place.unitId() == null ? spec.bindNull("unit", UUID.class) : spec.bind("unit", place.unitId());
        return place.gridId() == null ? spec.bindNull("grid", UUID.class) : spec.bind("grid", place.gridId());
    }

    private static Map<String, FieldChange> created(String username, String displayName, Set<Role> roles,
            Place place) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        FieldChanges.put(changes, "username", null, username);
        FieldChanges.put(changes, "displayName", null, displayName);
        FieldChanges.put(changes, "roles", null, sorted(roles));
        FieldChanges.put(changes, "unitId", null, text(place.unitId()));
        FieldChanges.put(changes, "gridId", null, text(place.gridId()));
        FieldChanges.put(changes, "enabled", null, true);
        return changes;
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    private static String[] names(Set<Role> roles) {
        return sorted(roles).toArray(String[]::new);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static UserView view(Readable r) {
        return new UserView(r.get("id", UUID.class), r.get("username", String.class),
                r.get("display_name", String.class), Arrays.stream(r.get("roles", String[].class)).sorted().toList(),
                r.get("unit_id", UUID.class), r.get("grid_id", UUID.class), r.get("enabled", Boolean.class),
                r.get("password_change_required", Boolean.class), null, instant(r, "created_at"),
                instant(r, "updated_at"));
    }
}
