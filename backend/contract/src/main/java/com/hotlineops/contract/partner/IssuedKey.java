package com.hotlineops.contract.partner;

import java.time.Instant;

/** A new API key, shown this once; the earlier keys stop working at {@code previousKeysExpireAt}. */
public record IssuedKey(String keyId, String apiKey, Instant previousKeysExpireAt) {
}
