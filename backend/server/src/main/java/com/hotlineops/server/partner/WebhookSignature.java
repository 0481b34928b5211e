package com.hotlineops.server.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a status callback, in the style of Stripe's: header {@value #HEADER} with value
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the HMAC key is the partner's webhook secret (its UTF-8 bytes)
 * and the signed message is {@code <t>.<raw request body>}. The partner recomputes it over the body exactly as
 * received, compares in constant time, and rejects a {@code t} too far from its own clock (replays). During the grace
 * period of a secret rotation the header carries a second {@code v1}, made with the secret replaced (as Stripe does
 * while an endpoint secret is rolled); a partner accepts the callback when any {@code v1} matches (decision 0026).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hotline-Signature";
    public static final String EVENT_ID_HEADER = "X-Hotline-Event-Id";

    private WebhookSignature() {
    }

    public static String header(String secret, long timestamp, byte[] body) {
        return header(secret, null, timestamp, body);
    }

    /** The header signed with the current secret and, when not null, also with the secret it replaced. */
    public static String header(String secret, String previousSecret, long timestamp, byte[] body) {
        String header = "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
        return previousSecret == null ? header
                : header + ",v1=" + HexFormat.of().formatHex(hmac(previousSecret, timestamp, body));
    }

    static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
