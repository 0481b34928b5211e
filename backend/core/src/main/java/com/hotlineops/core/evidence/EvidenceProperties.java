package com.hotlineops.core.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory where the filesystem blob store keeps photos (one folder per ticket)
 * @param maxSize   the largest photo accepted
 */
@ConfigurationProperties("hotline.evidence")
public record EvidenceProperties(
        @DefaultValue("evidence") Path directory,
        @DefaultValue("10MB") DataSize maxSize) {
}
