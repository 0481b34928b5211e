package com.hotlineops.core.org;

import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.security.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo organisation and its users, seeded at start when {@code hotline.demo.enabled} is set. Ids are derived
 * from codes and every insert skips existing rows, so seeding twice, or from two apps at once, is harmless.
 * Every demo password is the username followed by {@code -demo}. An account's creation time is when it was seeded.
 */
@Component
public class DemoOrganisation {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    public static final String DISTRICT = "D01";
    public static final String TOWNSHIP_CHENGGUAN = "T01";
    public static final String TOWNSHIP_DONGHU = "T02";
    public static final String TOWNSHIP_XISHAN = "T03";
    public static final String GRID_CHENGGUAN_1 = "T01-G01";
    public static final String GRID_CHENGGUAN_2 = "T01-G02";
    public static final String GRID_DONGHU_1 = "T02-G01";
    public static final String GRID_XISHAN_1 = "T03-G01";

    static final List<Unit> UNITS = List.of(
            new Unit(DISTRICT, null, OrgUnit.Kind.DISTRICT, "示范区"),
            new Unit(TOWNSHIP_CHENGGUAN, DISTRICT, OrgUnit.Kind.TOWNSHIP, "城关街道"),
            new Unit(TOWNSHIP_DONGHU, DISTRICT, OrgUnit.Kind.TOWNSHIP, "东湖镇"),
            new Unit(TOWNSHIP_XISHAN, DISTRICT, OrgUnit.Kind.TOWNSHIP, "西山镇"),
            new Unit(GRID_CHENGGUAN_1, TOWNSHIP_CHENGGUAN, OrgUnit.Kind.GRID, "城关街道第一网格"),
            new Unit(GRID_CHENGGUAN_2, TOWNSHIP_CHENGGUAN, OrgUnit.Kind.GRID, "城关街道第二网格"),
            new Unit(GRID_DONGHU_1, TOWNSHIP_DONGHU, OrgUnit.Kind.GRID, "东湖镇第一网格"),
            new Unit(GRID_XISHAN_1, TOWNSHIP_XISHAN, OrgUnit.Kind.GRID, "西山镇第一网格"),
            new Unit("DEP-HOUSING", DISTRICT, OrgUnit.Kind.DEPARTMENT, "住房和城乡建设局"),
            new Unit("DEP-MARKET", DISTRICT, OrgUnit.Kind.DEPARTMENT, "市场监督管理局"),
            new Unit(OrgUnit.BUSINESS_ENVIRONMENT_OFFICE, DISTRICT, OrgUnit.Kind.DEPARTMENT, "营商环境建设办公室"));

    static final List<User> USERS = List.of(
            new User("admin", "系统管理员", Set.of(Role.ADMIN), null, null),
            new User("agent1", "话务员一", Set.of(Role.AGENT), null, null),
            new User("director1", "值班领导", Set.of(Role.DIRECTOR, Role.AGENT), null, null),
            new User("dispatcher1", "派单员一", Set.of(Role.DISPATCHER), null, null),
            new User("supervisor1", "值班长", Set.of(Role.SUPERVISOR), null, null),
            new User("auditor1", "审核员", Set.of(Role.AUDITOR), null, null),
            new User("auditor-biz", "营商环境办审核员", Set.of(Role.AUDITOR), OrgUnit.BUSINESS_ENVIRONMENT_OFFICE, null),
            new User("revisit1", "回访员", Set.of(Role.REVISIT), null, null),
            new User("wall", "大屏", Set.of(Role.WALL), null, null),
            new User("cti", "话务平台", Set.of(Role.PARTNER), null, null),
            new User("handler-t01", "城关街道受理员", Set.of(Role.UNIT_HANDLER), TOWNSHIP_CHENGGUAN, null),
            new User("worker1", "网格员张伟", Set.of(Role.GRID_WORKER), TOWNSHIP_CHENGGUAN, GRID_CHENGGUAN_1),
            new User("worker2", "网格员李娜", Set.of(Role.GRID_WORKER), TOWNSHIP_CHENGGUAN, GRID_CHENGGUAN_1),
            new User("worker3", "网格员王强", Set.of(Role.GRID_WORKER), TOWNSHIP_CHENGGUAN, GRID_CHENGGUAN_2),
            new User("worker4", "网格员刘洋", Set.of(Role.GRID_WORKER), TOWNSHIP_DONGHU, GRID_DONGHU_1));

    private final DatabaseClient db;
    private final UserDirectory users;
    private final Clock clock;

    DemoOrganisation(DatabaseClient db, UserDirectory users, Clock clock, HotlineProperties properties) {
        this.db = db;
        this.users = users;
        this.clock = clock;
        if (properties.demo().enabled()) {
            seed().block(Duration.ofMinutes(1));
        }
    }

    /** The fixed id of a demo unit or user, derived from its code or username. */
    public static UUID idOf(String codeOrUsername) {
        return UUID.nameUUIDFromBytes(("hotline-demo:" + codeOrUsername).getBytes(StandardCharsets.UTF_8));
    }

    public static String passwordOf(String username) {
        return username + "-demo";
    }

    Mono<Void> seed() {
        Mono<Void> units = Flux.fromIterable(UNITS).concatMap(u -> db.sql("""
                        insert into org_unit (id, parent_id, kind, code, name) values (:id, :parent, :kind, :code, :name)
                        on conflict (id) do nothing""")
                .bind("id", idOf(u.code()))
                .bind("parent", u.parent() == null ? io.r2dbc.spi.Parameters.in(UUID.class) : idOf(u.parent()))
                .bind("kind", u.kind().name())
                .bind("code", u.code())
                .bind("name", u.name())
                .then()).then();
        // The accounts are created now: the user list shows when (decision 0032).
        OffsetDateTime seededAt = utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        Mono<Void> people = Flux.fromIterable(USERS)
                .filterWhen(u -> users.findByUsername(u.username()).hasElement().map(exists -> !exists))
                .concatMap(u -> db.sql("""
                                insert into app_user (id, username, password_hash, display_name, roles, unit_id, grid_id,
                                                      created_at)
                                values (:id, :username, :hash, :name, :roles, :unit, :grid, :createdAt)
                                on conflict do nothing""")
                        .bind("id", idOf(u.username()))
                        .bind("username", u.username())
                        .bind("hash", users.hash(passwordOf(u.username())))
                        .bind("name", u.displayName())
                        .bind("roles", u.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
                        .bind("unit", u.unit() == null ? io.r2dbc.spi.Parameters.in(UUID.class) : idOf(u.unit()))
                        .bind("grid", u.grid() == null ? io.r2dbc.spi.Parameters.in(UUID.class) : idOf(u.grid()))
                        .bind("createdAt", seededAt)
                        .then())
                .then();
        return units.then(people).doOnSuccess(v -> log.info("Demo organisation ready"));
    }

    record Unit(String code, String parent, OrgUnit.Kind kind, String name) {
    }

    record User(String username, String displayName, Set<Role> roles, String unit, String grid) {
    }
}
