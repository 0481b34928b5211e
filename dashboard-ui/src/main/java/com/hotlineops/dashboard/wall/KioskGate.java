package com.hotlineops.dashboard.wall;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see the wall (role WALL, walking-skeleton form): a browser that opened {@code /wall?token=<secret>}
 * with the kiosk secret ({@code hotline.wall.kiosk-token}), or that carries the cookie such a visit left. The
 * cookie holds an HMAC of the secret, not the secret, and changing the secret revokes every cookie. An empty
 * secret admits nobody.
 */
@Component
class KioskGate {

    static final String TOKEN_PARAMETER = "token";
    static final String COOKIE_NAME = "hotline-wall-kiosk";
    static final String SESSION_FLAG = KioskGate.class.getName() + ".admitted";

    private static final String COOKIE_PURPOSE = "hotline-ops wall kiosk cookie v1";

    /** How a request got in, or that it did not. */
    enum Admission {
        BY_SESSION,
        BY_COOKIE,
        BY_TOKEN,
        DENIED;

        boolean admitted() {
            return this != DENIED;
        }
    }

    private final byte[] secret;
    private final String cookieValue;

    KioskGate(@Value("${hotline.wall.kiosk-token:}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = secret.isEmpty() ? null : hmac(this.secret);
    }

    Admission admit(boolean sessionAdmitted, String cookie, String token) {
        if (cookieValue == null) {
            return Admission.DENIED;
        }
        if (sessionAdmitted) {
            return Admission.BY_SESSION;
        }
        if (cookie != null && constantTimeEquals(cookie.getBytes(StandardCharsets.UTF_8),
                cookieValue.getBytes(StandardCharsets.UTF_8))) {
            return Admission.BY_COOKIE;
        }
        if (token != null && constantTimeEquals(token.getBytes(StandardCharsets.UTF_8), secret)) {
            return Admission.BY_TOKEN;
        }
        return Admission.DENIED;
    }

    /** The value of the long-lived cookie that lets a kiosk reload without the token in its URL. */
    String cookieValue() {
        if (cookieValue == null) {
            throw new IllegalStateException("no kiosk secret configured");
        }
        return cookieValue;
    }

    private static boolean constantTimeEquals(byte[] presented, byte[] expected) {
        return MessageDigest.isEqual(presented, expected);
    }

    private static String hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(COOKIE_PURPOSE.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
