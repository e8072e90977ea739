package io.cuadra.shared.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets kept in the database (provider tokens) sealed with AES-256-GCM: {@code enc:v1:KEYID:base64(iv|sealed)}
 * with a fresh 96-bit IV each time and the secret's place (table, column, tenant) as associated data, so a value
 * copied to another row or tenant does not open. Rotation: seal with the current key, open with it or any
 * previous key named by its id; {@link #isCurrent} tells which stored values to seal again. A value without the
 * prefix is a plaintext one from before encryption and is read as it is (and sealed at the next save).
 */
public final class SecretBox {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** @param previous older keys by id, still able to open what they sealed */
    public SecretBox(String currentId, byte[] currentKey, Map<String, byte[]> previous) {
        if (currentId == null || !currentId.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("A key id is 1-20 letters, digits, _ or -.");
        }
        this.currentId = currentId;
        keys.put(currentId, key(currentKey));
        previous.forEach((id, k) -> keys.putIfAbsent(id, key(k)));
    }

    private static SecretKeySpec key(byte[] k) {
        if (k == null || k.length != 32) {
            throw new IllegalArgumentException("An AES-256 key is 32 bytes (44 characters of Base64).");
        }
        return new SecretKeySpec(k, "AES");
    }

    public String seal(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
    }

    /** The plaintext; a value stored before encryption comes back as it is. */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(rest.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("A stored secret was sealed with key '" + (colon < 0 ? "?" : rest.substring(0, colon))
                    + "', which is not configured (cuadra.secrets.previous-keys)");
        }
        byte[] all = Base64.getDecoder().decode(rest.substring(colon + 1));
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, context, sealed), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed with the current key (else: plaintext or an older key, to seal again). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(PREFIX + currentId + ":");
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] iv, String context, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored secret does not open: wrong key, or moved from its place", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
