package io.cuadra.reports.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A customer's stable pseudonym for anonymised exports (Peru's Ley 29733): HMAC-SHA256 of the customer id
 * under the tenant's own key, 16 bytes in hex. Without the key nobody maps it back; with it the same customer
 * always gets the same pseudonym, so exports of different months join.
 */
public final class Pseudonym {

    private Pseudonym() {
    }

    public static String of(byte[] tenantKey, long customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            byte[] h = mac.doFinal(Long.toString(customerId).getBytes(StandardCharsets.US_ASCII));
            return "C-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
