package io.cuadra.notifications.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void whatsAppSignsTheRawBodyWithHmacSha256() {
        // RFC 4231 test case 2
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(WebhookSignatures.whatsapp(body, "Jefe")).isEqualTo(expected);
        assertThat(WebhookSignatures.whatsappValid(body, expected, "Jefe")).isTrue();
        assertThat(WebhookSignatures.whatsappValid(body, expected, "other secret")).isFalse();
        assertThat(WebhookSignatures.whatsappValid("tampered".getBytes(StandardCharsets.UTF_8), expected, "Jefe")).isFalse();
        assertThat(WebhookSignatures.whatsappValid(body, null, "Jefe")).isFalse();
    }

    @Test
    void twilioSignsTheUrlAndTheSortedParameters() {
        // The example of Twilio's "Webhooks security" page
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(WebhookSignatures.twilio(url, params, "12345")).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(WebhookSignatures.twilioValid(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345")).isTrue();
        assertThat(WebhookSignatures.twilioValid(url + "&x=1", params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "12345")).isFalse();
    }
}
