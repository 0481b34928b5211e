package com.hotlineops.core.evidence;

import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Photos in an S3-compatible bucket ({@code hotline.evidence.store=s3}), so that several instances share them
 * without a shared volume. The AWS SDK's synchronous client over the JDK's HTTP connection, run on the bounded
 * elastic scheduler like the filesystem store's I/O (decision 0020). Checksums are sent only where S3 requires
 * them: several S3-compatible services refuse the SDK's newer default trailing checksums.
 */
@Component
@ConditionalOnProperty(name = "hotline.evidence.store", havingValue = "s3")
class S3BlobStore implements BlobStore, DisposableBean {

    private final S3Client s3;
    private final String bucket;

    S3BlobStore(EvidenceProperties properties) {
        EvidenceProperties.S3 settings = properties.s3();
        if (settings == null || settings.bucket() == null) {
            throw new IllegalStateException("hotline.evidence.s3.bucket (HOTLINE_EVIDENCE_S3_BUCKET) is required "
                    + "when hotline.evidence.store is s3");
        }
        if ((settings.accessKey() == null) != (settings.secretKey() == null)) {
            throw new IllegalStateException("hotline.evidence.s3.access-key and secret-key go together");
        }
        this.bucket = settings.bucket();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(EvidenceProperties.S3 settings) {
        return settings.accessKey() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey()));
    }

    @Override
    public Mono<Void> put(String key, byte[] bytes) {
        return Mono.<Void>fromRunnable(() -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromCallable(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        s3.close();
    }
}
