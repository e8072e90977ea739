package io.cuadra.billing.infrastructure.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps parsed keystores so a keystore is decrypted once, not per document. An entry is found again only
 * with the same file (path, size and modification time: a renewed certificate is picked up), alias and
 * password. The password is kept only as a salted hash, so a wrong password never unlocks a cached key.
 */
public final class SigningCredentialsCache {

    private record Entry(Path path, String alias, FileTime modified, long size, String passwordHash) {
    }

    private final ConcurrentMap<Entry, SigningCredentials> cache = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    public SigningCredentialsCache() {
        new SecureRandom().nextBytes(salt);
    }

    public SigningCredentials get(Path keystore, char[] password, String alias) {
        Path path = keystore.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keystore " + path, e);
        }
        Entry entry = new Entry(path, alias, attributes.lastModifiedTime(), attributes.size(), hash(password));
        SigningCredentials credentials = cache.get(entry);
        if (credentials == null) {
            credentials = SigningCredentials.fromPkcs12(path, password, alias);
            // Forget older versions of the same file and alias so a renewed certificate replaces the old one.
            cache.keySet().removeIf(e -> e.path().equals(path) && e.alias().equals(alias)
                    && (!e.modified().equals(entry.modified()) || e.size() != entry.size()));
            cache.put(entry, credentials);
        }
        return credentials;
    }

    int size() {
        return cache.size();
    }

    private String hash(char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] raw = Arrays.copyOf(bytes.array(), bytes.limit());
            sha.update(raw);
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(bytes.array(), (byte) 0);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
