package com.hotlineops.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

/** The S3 blob store against a real S3-compatible server, and its choice by configuration. */
class S3BlobStoreIntegrationTests {

    private static final String BUCKET = "hotline-evidence";
    private static S3MockServer server;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.start(BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static EvidenceProperties s3Settings() {
        return new EvidenceProperties(EvidenceProperties.Store.S3, Path.of("unused"), DataSize.ofMegabytes(10),
                new EvidenceProperties.S3(server.endpoint(), BUCKET, "us-east-1", "hotline", "hotline-secret", true));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void putThenGetGivesTheSameBytesAndTheServerHoldsThemUnderTheKey() throws IOException, InterruptedException {
        S3BlobStore store = new S3BlobStore(s3Settings());
        String key = UUID.randomUUID() + "/" + "ab".repeat(32) + ".jpg";
        byte[] photo = randomBytes(3 * 1024 * 1024 + 17);
        try {
            StepVerifier.create(store.put(key, photo)).verifyComplete();
            StepVerifier.create(store.put(key, photo)).verifyComplete();
            StepVerifier.create(store.get(key)).assertNext(b -> assertThat(b).isEqualTo(photo)).verifyComplete();

            // Read back outside our client, straight from the server (path-style URL).
            HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.endpoint() + BUCKET + "/" + key)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(direct.statusCode()).isEqualTo(200);
            assertThat(direct.body()).isEqualTo(photo);
        } finally {
            store.destroy();
        }
    }

    @Test
    void getOfAKeyNeverPutFails() {
        S3BlobStore store = new S3BlobStore(s3Settings());
        try {
            StepVerifier.create(store.get(UUID.randomUUID() + "/missing.png")).expectError().verify();
        } finally {
            store.destroy();
        }
    }

    @EnableConfigurationProperties(EvidenceProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, FileSystemBlobStore.class, S3BlobStore.class);

    @Test
    void storeS3ByConfigurationThenTheS3StoreAndByDefaultTheFilesystem() {
        context.withPropertyValues("hotline.evidence.store=s3", "hotline.evidence.s3.endpoint=" + server.endpoint(),
                        "hotline.evidence.s3.bucket=" + BUCKET, "hotline.evidence.s3.access-key=a",
                        "hotline.evidence.s3.secret-key=b")
                .run(ctx -> assertThat(ctx).hasSingleBean(BlobStore.class).getBean(BlobStore.class)
                        .isInstanceOf(S3BlobStore.class));
        context.run(ctx -> assertThat(ctx).hasSingleBean(BlobStore.class).getBean(BlobStore.class)
                .isInstanceOf(FileSystemBlobStore.class));
    }

    @Test
    void storeS3WithoutBucketThenStartupFailsSayingWhatIsMissing() {
        context.withPropertyValues("hotline.evidence.store=S3", "hotline.evidence.s3.bucket=",
                        "hotline.evidence.s3.endpoint=")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("HOTLINE_EVIDENCE_S3_BUCKET"));
    }
}
