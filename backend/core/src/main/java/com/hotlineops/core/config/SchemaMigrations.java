package com.hotlineops.core.config;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the schema up to date before any connection pool is handed out. Flyway runs over JDBC (it has no R2DBC
 * support) and only here, at bootstrap; it takes PostgreSQL's advisory lock, so instances starting together are safe.
 */
@Component
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    SchemaMigrations(HotlineProperties properties) {
        HotlineProperties.Database db = properties.db();
        var result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("Schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
