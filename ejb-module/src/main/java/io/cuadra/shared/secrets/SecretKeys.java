package io.cuadra.shared.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link SecretBox} of this server. The key comes from MicroProfile Config {@code cuadra.secrets.key}
 * (environment {@code CUADRA_SECRETS_KEY}: 32 random bytes in Base64) with its id {@code cuadra.secrets.key-id};
 * older keys stay readable through {@code cuadra.secrets.previous-keys} ({@code id:base64,...}). Without a
 * configured key one is generated once into the domain's {@code config/cuadra-secrets.key} (owner-only), like
 * Payara's own master password file: fine for one server, but servers sharing a database must share the key.
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    @ConfigProperty(name = "cuadra.secrets.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "cuadra.secrets.key-id", defaultValue = "k1")
    String keyId;

    @Inject
    @ConfigProperty(name = "cuadra.secrets.previous-keys")
    Optional<String> previousKeys;

    private SecretBox box;

    @PostConstruct
    void load() {
        Map<String, byte[]> previous = new LinkedHashMap<>();
        previousKeys.filter(s -> !s.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException("cuadra.secrets.previous-keys holds id:base64 pairs, comma separated");
                }
                previous.put(entry.substring(0, colon).strip(), Base64.getDecoder().decode(entry.substring(colon + 1).strip()));
            }
        });
        byte[] current = key.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.strip()))
                .orElseGet(SecretKeys::generatedKey);
        box = new SecretBox(keyId, current, previous);
    }

    public SecretBox box() {
        return box;
    }

    private static byte[] generatedKey() {
        Path file = Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "config", "cuadra-secrets.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the domain directory's own permissions apply
            }
            LOG.warning(() -> "No cuadra.secrets.key configured: generated one in " + file
                    + " (back it up; servers sharing the database must share it)");
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets key " + file, e);
        }
    }
}
