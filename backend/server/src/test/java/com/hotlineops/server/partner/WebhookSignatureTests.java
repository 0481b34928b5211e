package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    @Test
    void signatureIsHmacSha256OfTimestampDotBodyAsOpensslComputesIt() {
        // printf '1700000000.{"status":"CLOSED"}' | openssl dgst -sha256 -hmac 'whsec-test'
        String expected = "9d91692cac540eb6dfed224ff2aaf94c6588e4bf3ad15984f262a2cb55e441f1";
        String header = WebhookSignature.header("whsec-test", 1_700_000_000L,
                "{\"status\":\"CLOSED\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo("t=1700000000,v1=" + expected);
    }

    @Test
    void signatureChangesWithTheBodyTheTimestampOrTheSecret() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = WebhookSignature.header("a", 1, body);
        assertThat(WebhookSignature.header("b", 1, body)).isNotEqualTo(base);
        assertThat(WebhookSignature.header("a", 2, body).substring(4)).isNotEqualTo(base.substring(4));
        assertThat(WebhookSignature.header("a", 1, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
    }

    @Test
    void duringASecretRotationTheHeaderCarriesTheNewSignatureFirstAndTheOldOneSecond() {
        byte[] body = "{\"status\":\"CLOSED\"}".getBytes(StandardCharsets.UTF_8);
        String both = WebhookSignature.header("whsec-new", "whsec-test", 1_700_000_000L, body);
        String fresh = WebhookSignature.header("whsec-new", 1_700_000_000L, body);
        assertThat(both).isEqualTo(fresh + ",v1=9d91692cac540eb6dfed224ff2aaf94c6588e4bf3ad15984f262a2cb55e441f1");
        assertThat(WebhookSignature.header("whsec-new", null, 1_700_000_000L, body)).isEqualTo(fresh);
    }
}
