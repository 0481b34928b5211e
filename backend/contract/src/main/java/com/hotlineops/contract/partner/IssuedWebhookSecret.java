package com.hotlineops.contract.partner;

import java.time.Instant;

/**
 * A new webhook secret, shown this once. Until {@code previousSecretExpiresAt} callbacks carry two {@code v1}
 * signatures, one with this secret and one with the secret it replaced; after it, only this one.
 */
public record IssuedWebhookSecret(String webhookSecret, Instant previousSecretExpiresAt) {
}
