package com.hotlineops.contract.partner;

/**
 * {@code POST /api/v1/admin/partners/{id}/webhook-secret}: issue a new webhook secret. For {@code graceMinutes}
 * (0–43,200; default 1,440, a day) every callback carries a second signature made with the secret it replaces, so the
 * partner can switch its verifier without rejecting a callback; 0 signs with the new secret only, at once.
 */
public record WebhookSecretRotation(Integer graceMinutes) {
}
