package io.cuadra.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Development signing keys, generated once into the data directory when none are configured:
 * the RSA pair that signs access tokens. Production configures its own (README, "Configuration").
 */
public final class DevKeys {

    public static final String JWT_PRIVATE = "jwt-private.pem";
    public static final String JWT_PUBLIC = "jwt-public.pem";

    private DevKeys() {
    }

    /** Creates the pair in {@code dir} unless it is already there; returns the directory. */
    public static Path ensureJwtKeys(Path dir) throws IOException {
        Path privateKey = dir.resolve(JWT_PRIVATE);
        Path publicKey = dir.resolve(JWT_PUBLIC);
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return dir;
        }
        Files.createDirectories(dir);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate the JWT signing keys", e);
        }
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
