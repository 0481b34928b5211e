package com.hotlineops.core.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Photos on the local filesystem (or a mounted volume). Writes go to a temporary file first and are moved into place,
 * so a reader never sees half a photo. File I/O blocks, so it runs on the bounded elastic scheduler.
 */
@Component
@ConditionalOnProperty(name = "hotline.evidence.store", havingValue = "filesystem", matchIfMissing = true)
class FileSystemBlobStore implements BlobStore {

    private final Path root;

    FileSystemBlobStore(EvidenceProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
    }

    @Override
    public Mono<Void> put(String key, byte[] bytes) {
        return Mono.<Void>fromRunnable(() -> {
            Path target = resolve(key);
            try {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromCallable(() -> Files.readAllBytes(resolve(key))).subscribeOn(Schedulers.boundedElastic());
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("blob key escapes the store: " + key);
        }
        return p;
    }
}
