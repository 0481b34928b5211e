package com.hotlineops.core.evidence;

import reactor.core.publisher.Mono;

/** Where photo bytes live. Keys are relative paths chosen by the evidence service. */
public interface BlobStore {

    /** Stores the bytes under the key; storing the same bytes again is harmless. */
    Mono<Void> put(String key, byte[] bytes);

    Mono<byte[]> get(String key);
}
