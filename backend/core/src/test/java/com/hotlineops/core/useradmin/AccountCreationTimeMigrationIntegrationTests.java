package com.hotlineops.core.useradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hotlineops.local.EmbeddedServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V15 on a database that already holds accounts, as one upgraded from V14 does (decision 0032): accounts the demo
 * seeding inserted without a creation time get when the database was set up, or their first recorded change if that
 * is earlier; an account an administrator created keeps its own; and from then on no account is without one.
 */
class AccountCreationTimeMigrationIntegrationTests {

    private static EmbeddedServices services;

    @BeforeAll
    static void startServices() {
        services = EmbeddedServices.forTests();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(services.jdbcUrl(), services.dbUser(), services.dbPassword())
                .locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("select now()")) {
            r.next();
            return r.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** An account as the demo seeding inserted it before V15: no creation time. */
    private static UUID seeded(Connection c, String username) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("""
                insert into app_user (id, username, password_hash, display_name, roles)
                values (?, ?, 'not-a-hash', '示范账号', array['AGENT'])""")) {
            s.setObject(1, id);
            s.setString(2, username);
            s.executeUpdate();
        }
        return id;
    }

    private static Instant createdAt(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select created_at from app_user where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                OffsetDateTime at = r.getObject(1, OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        }
    }

    @Test
    void accountsWithoutACreationTimeGetWhenTheDatabaseWasSetUpAndTheColumnRefusesNoneAfterwards() throws Exception {
        Instant before;
        try (Connection c = connect()) {
            before = databaseNow(c);
        }
        flyway("14").migrate();
        Instant setUp;
        UUID seeded;
        UUID changedEarly;
        UUID created;
        Instant createdByAdmin = Instant.parse("2026-11-27T02:00:00Z");
        Instant firstChange = before.minus(Duration.ofDays(1));
        try (Connection c = connect()) {
            setUp = databaseNow(c);
            seeded = seeded(c, "seeded-agent");
            changedEarly = seeded(c, "seeded-worker");
            try (PreparedStatement s = c.prepareStatement("""
                    insert into user_admin_event (user_id, type, actor_id, actor, occurred_at)
                    values (?, 'DISABLED', ?, 'admin', ?)""")) {
                s.setObject(1, changedEarly);
                s.setObject(2, UUID.randomUUID());
                s.setTimestamp(3, Timestamp.from(firstChange));
                s.executeUpdate();
            }
            created = UUID.randomUUID();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into app_user (id, username, password_hash, display_name, roles, created_at)
                    values (?, 'by-admin', 'not-a-hash', '新账号', array['AGENT'], ?)""")) {
                s.setObject(1, created);
                s.setTimestamp(2, Timestamp.from(createdByAdmin));
                s.executeUpdate();
            }
            assertThat(createdAt(c, seeded)).as("before V15, as the seeded accounts were").isNull();
        }

        flyway(null).migrate();

        try (Connection c = connect()) {
            assertThat(createdAt(c, seeded)).as("when the database was set up").isBetween(before, setUp);
            assertThat(createdAt(c, changedEarly)).as("never after its first recorded change").isEqualTo(firstChange);
            assertThat(createdAt(c, created)).isEqualTo(createdByAdmin);

            assertThatThrownBy(() -> {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into app_user (id, username, password_hash, display_name, roles, created_at)
                        values (?, 'no-time', 'not-a-hash', '无时间', array['AGENT'], null)""")) {
                    s.setObject(1, UUID.randomUUID());
                    s.executeUpdate();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("created_at");
            Instant insertedFrom = databaseNow(c);
            UUID inserted = seeded(c, "inserted-later");
            assertThat(createdAt(c, inserted)).as("the time of its insert").isBetween(insertedFrom,
                    databaseNow(c));
        }
    }
}
