package io.cuadra.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: the operation and the body, hashed.
 * Boundaries pass a canonical body (parsed and written again), so spacing or property order of the
 * JSON a client sends does not make a retry look different.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** SHA-256 in hex of the operation (e.g. "POST /api/orders") and the canonical body. */
    public static String of(String operation, String canonicalBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonicalBody.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
