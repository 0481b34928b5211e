package com.hotlineops.mobile;

import com.hotlineops.core.config.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The phone-facing edge of Hotline Ops (DESIGN.md §3): grid workers and unit handlers receive their tickets over
 * an RSocket feed (WebSocket on the HTTP port, and TCP) and act on them over RSocket or REST. It runs in the
 * internet-facing zone and shares PostgreSQL and Redis with the backend through the core library.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class MobileApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobileApiApplication.class, args);
    }
}
