package io.cuadra.shopify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureOverTheRawBodyVerifies() {
        String header = WebhookSignature.sign("hush", BODY);
        assertThat(WebhookSignature.verify("hush", BODY, header)).isTrue();
        assertThat(WebhookSignature.verify("hush", BODY, " " + header + " ")).isTrue();
    }

    @Test
    void knownVectorOfHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertThat(WebhookSignature.sign("Jefe", data)).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void anotherSecretAnotherBodyOrNoSignatureIsRefused() {
        String header = WebhookSignature.sign("hush", BODY);
        assertThat(WebhookSignature.verify("other", BODY, header)).isFalse();
        byte[] changed = BODY.clone();
        changed[changed.length - 2] = 'X';
        assertThat(WebhookSignature.verify("hush", changed, header)).isFalse();
        assertThat(WebhookSignature.verify("hush", BODY, null)).isFalse();
        assertThat(WebhookSignature.verify("hush", BODY, "")).isFalse();
        assertThat(WebhookSignature.verify("hush", BODY, "not base64 at all!")).isFalse();
        assertThat(WebhookSignature.verify("", BODY, header)).isFalse();
        assertThat(WebhookSignature.verify("hush", BODY, header.substring(0, 20))).isFalse();
    }
}
