package com.hotlineops.dashboard.live;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.scheduler.Schedulers;

/**
 * Wires the backend's streams ({@link BackendStreams}, for the wall and the consoles) and the one {@link LiveWall} of
 * this instance to the backend named by {@link BackendProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackendProperties.class)
class LiveWallConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveWallConfiguration.class);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    BackendStreams backendStreams(ObjectProvider<RSocketRequester.Builder> builders, BackendProperties backend) {
        // The auto-configured builder is a prototype (it carries Boot's JSON codecs): one per connection.
        return new BackendStreams(builders::getObject, backend.rsocketHost(), backend.rsocketPort(),
                backend.reconnectFirstBackoff(), backend.reconnectMaxBackoff());
    }

    @Bean
    WallFrameSource wallFrameSource(BackendStreams streams, BackendProperties backend) {
        BackendTokenClient tokens = new BackendTokenClient(
                URI.create("http://" + backend.host() + ":" + backend.port()), backend.username(), backend.password(),
                TOKEN_TIMEOUT);
        return new RSocketWallFrameSource(streams, tokens);
    }

    @Bean(destroyMethod = "stop")
    LiveWall liveWall(WallFrameSource source, BackendProperties backend) {
        return new LiveWall(source, Schedulers.parallel(), Schedulers.boundedElastic(),
                backend.reconnectFirstBackoff(), backend.reconnectMaxBackoff());
    }

    /** Opens the stream once every bean exists (not while the context is still being built), closes it first. */
    @Bean
    SmartLifecycle liveWallStream(LiveWall wall, BackendProperties backend) {
        return new SmartLifecycle() {

            @Override
            public void start() {
                log.info("Subscribing to wall.frames at {}:{} as '{}' (token from {}:{})", backend.rsocketHost(),
                        backend.rsocketPort(), backend.username(), backend.host(), backend.port());
                wall.start();
            }

            @Override
            public void stop() {
                wall.stop();
            }

            @Override
            public boolean isRunning() {
                return wall.isRunning();
            }
        };
    }
}
