package com.hotlineops.contract.partner;

/**
 * The answer to registering a partner: the only time its API key and webhook secret are shown. The key goes in the
 * {@code X-Api-Key} header (or Open311's {@code api_key}); the secret verifies the {@code X-Hotline-Signature} of
 * status callbacks.
 */
public record PartnerCredentials(PartnerView partner, String apiKey, String webhookSecret) {
}
