package com.hotlineops.core.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the core into an app: {@code @Import(CoreConfiguration.class)}. PostgreSQL is the truth, reached over
 * R2DBC; Redis carries the event stream (DESIGN.md §3).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
@ComponentScan(basePackages = "com.hotlineops.core")
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PostgresqlConnectionConfiguration postgresqlConnectionConfiguration(HotlineProperties properties) {
        HotlineProperties.Database db = properties.db();
        return PostgresqlConnectionConfiguration.builder()
                .host(db.host())
                .port(db.port())
                .database(db.name())
                .username(db.user())
                .password(db.password())
                .applicationName(db.applicationName())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(PostgresqlConnectionConfiguration configuration, HotlineProperties properties,
            SchemaMigrations migrations) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(configuration))
                .initialSize(2)
                .maxSize(properties.db().poolSize())
                .maxAcquireTime(Duration.ofSeconds(5))
                .maxIdleTime(Duration.ofMinutes(10))
                .validationQuery("select 1")
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /**
     * Connections fail when Redis goes instead of reconnecting behind their users' backs: every user (relay, stream
     * readers) reconnects itself, and a reader must learn that Redis went away, because a Redis restarted without its
     * data has lost the entries it had not yet read (it then resynchronises from PostgreSQL).
     */
    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(HotlineProperties properties) {
        RedisClient client = RedisClient.create(properties.redis().url());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }
}
