package com.hotlineops.dashboard.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backend is and how the wall signs in to it ({@code hotline.backend.*}); consoles use the same addresses
 * and reconnection delays with their users' own tokens.
 *
 * @param host                  backend HTTP host, for {@code POST /api/v1/auth/token}
 * @param port                  backend HTTP port
 * @param rsocketHost           backend RSocket TCP host, for {@code wall.frames} and {@code callbacks.tasks}
 * @param rsocketPort           backend RSocket TCP port
 * @param username              the wall's service account (role WALL)
 * @param password              its password
 * @param reconnectFirstBackoff first delay before reconnecting; doubles on each failed attempt
 * @param reconnectMaxBackoff   the longest delay between attempts
 */
@ConfigurationProperties("hotline.backend")
record BackendProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8080") int port,
        @DefaultValue("127.0.0.1") String rsocketHost,
        @DefaultValue("7000") int rsocketPort,
        @DefaultValue("wall") String username,
        @DefaultValue("wall-demo") String password,
        @DefaultValue("500ms") Duration reconnectFirstBackoff,
        @DefaultValue("10s") Duration reconnectMaxBackoff) {
}
