package io.cuadra.notifications.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the providers sign their callbacks, so a forged delivery report or STOP is refused:
 * WhatsApp (Meta) {@code X-Hub-Signature-256: sha256=} hex HMAC-SHA256 of the raw body with the app secret;
 * Twilio {@code X-Twilio-Signature}: Base64 HMAC-SHA1, keyed with the auth token, of the URL it called followed
 * by every POST parameter's name and value, sorted by name. Compared in constant time.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String whatsapp(byte[] body, String appSecret) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    public static boolean whatsappValid(byte[] body, String header, String appSecret) {
        return header != null && appSecret != null && same(whatsapp(body, appSecret), header.strip());
    }

    public static String twilio(String url, Map<String, String> params, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken,
                data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean twilioValid(String url, Map<String, String> params, String header, String authToken) {
        return header != null && authToken != null && same(twilio(url, params, authToken), header.strip());
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
