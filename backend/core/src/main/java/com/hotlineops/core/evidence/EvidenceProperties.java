package com.hotlineops.core.evidence;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param store     where photo bytes live: {@code filesystem} (default) or {@code s3} (any S3-compatible service)
 * @param directory where the filesystem blob store keeps photos (one folder per ticket)
 * @param maxSize   the largest photo accepted
 * @param s3        the S3 settings, used when {@code store} is {@code s3}
 */
@ConfigurationProperties("hotline.evidence")
public record EvidenceProperties(
        @DefaultValue("filesystem") Store store,
        @DefaultValue("evidence") Path directory,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue S3 s3) {

    /** The kinds of blob store. */
    public enum Store {
        FILESYSTEM,
        S3
    }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Alibaba OSS …).
     *
     * @param endpoint  the service URL, e.g. {@code http://minio:9000}; none: AWS's own endpoint for the region
     * @param bucket    an existing bucket
     * @param region    the signing region; S3-compatible services mostly accept {@code us-east-1}
     * @param accessKey with {@code secretKey}: static credentials; none: the AWS default chain (environment,
     *                  profile, instance role)
     * @param secretKey the secret of {@code accessKey}
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}; most S3-compatible
     *                  services need it
     */
    public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
            String secretKey, @DefaultValue("true") boolean pathStyle) {

        /** An empty setting (an unset environment variable in the YAML) is no setting. */
        public S3 {
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
            bucket = blankToNull(bucket);
            region = blankToNull(region) == null ? "us-east-1" : region;
            accessKey = blankToNull(accessKey);
            secretKey = blankToNull(secretKey);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle="
                    + pathStyle + "]";
        }
    }
}
