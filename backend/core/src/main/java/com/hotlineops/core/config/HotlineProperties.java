package com.hotlineops.core.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every app that uses the core. Each has an environment variable in the apps'
 * {@code application.yaml}; see the README's configuration section.
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Database db,
        @DefaultValue Redis redis,
        @DefaultValue Security security,
        @DefaultValue Demo demo) {

    /**
     * @param applicationName how this instance's sessions are named in {@code pg_stat_activity} (tells instances
     *                        apart when several share one PostgreSQL)
     */
    public record Database(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5432") int port,
            @DefaultValue("hotline") String name,
            @DefaultValue("postgres") String user,
            @DefaultValue("") String password,
            @DefaultValue("20") int poolSize,
            @DefaultValue("hotline-ops") String applicationName) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    /**
     * @param prefix every key this deployment writes starts with it, so several deployments (or test runs) can
     *               share one Redis
     */
    public record Redis(
            @DefaultValue("redis://127.0.0.1:6379") String url,
            @DefaultValue("hotline:") String prefix) {

        public String key(String name) {
            return prefix + name;
        }
    }

    /**
     * @param jwtSecret HMAC key of the local token issuer, at least 32 bytes; every app of a deployment shares it
     * @param login     the limits on failed logins (decision 0037)
     */
    public record Security(
            @DefaultValue("change-me-local-development-secret-0123456789") String jwtSecret,
            @DefaultValue("hotline-ops") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("12h") Duration refreshTokenTtl,
            @DefaultValue Login login) {
    }

    /**
     * Login throttling (decision 0037): after {@code maxFailuresPerUsername} failed logins for one username, or
     * {@code maxFailuresPerAddress} from one client address, within {@code window}, further logins for it are refused
     * with 429 until enough failures have left the window.
     *
     * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}) of reverse proxies whose
     *                       {@code X-Forwarded-For} is believed; empty (the default): the header is ignored and the
     *                       client address is the connection's peer
     */
    public record Login(
            @DefaultValue("10") int maxFailuresPerUsername,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue List<String> trustedProxies) {

        public Login {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }
    }

    /** @param enabled seed the demo organisation and users at start (idempotent) */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }
}
