package com.hotlineops.mobile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mobile edge, beside the shared {@code hotline.*} ones of the core.
 *
 * @param rsocketPort the RSocket TCP port (0 picks a free one); RSocket over WebSocket uses the HTTP port
 * @param feedBuffer  how many live changes one phone's feed may have waiting; a phone further behind is dropped
 *                    with an error and resumes from its cursor, so it cannot hold back the others
 */
@ConfigurationProperties("hotline.mobile")
public record MobileProperties(
        @DefaultValue("7001") int rsocketPort,
        @DefaultValue("256") int feedBuffer) {

    public MobileProperties {
        if (feedBuffer < 16) {
            throw new IllegalArgumentException("hotline.mobile.feed-buffer must be at least 16");
        }
    }
}
