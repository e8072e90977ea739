package io.cuadra.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Development signing keys, generated once into the data directory when none are configured:
 * the RSA pair that signs access tokens. Production configures its own (README, "Configuration").
 */
public final class DevKeys {

    public static final String JWT_PRIVATE = "jwt-private.pem";
    public static final String JWT_PUBLIC = "jwt-public.pem";
    /** Self-signed certificate that signs SUNAT documents in development (the simulator accepts it). */
    public static final String SIGNING_KEYSTORE = "sunat-signing.p12";
    public static final String SIGNING_ALIAS = "cuadra";
    /** Local-dev default, documented in the README; a real certificate comes with its own password. */
    public static final String SIGNING_PASSWORD = "cuadra-dev-signing";

    /** The run command's self-signed HTTPS certificate (README, "Operations"); local-dev password, documented. */
    public static final String TLS_KEYSTORE = "tls.p12";
    public static final String TLS_ALIAS = "cuadra-tls";
    public static final String TLS_PASSWORD = "cuadra-dev-tls";

    /** The scraper's password for /metrics (HTTP Basic, user {@code metrics}) when CUADRA_METRICS_TOKEN is unset. */
    public static final String METRICS_TOKEN_FILE = "metrics-token";

    /** asadmin password file of the domain's {@code admin} user, when the admin listener leaves loopback. */
    public static final String ADMIN_PASSWORD_FILE = "admin-password";

    private DevKeys() {
    }

    /**
     * A random password for Payara's {@code admin} user, generated once into {@code dir} as an asadmin password
     * file ({@code AS_ADMIN_PASSWORD=...}, readable by its owner only); returns the file.
     */
    public static Path ensureAdminPassword(Path dir) throws IOException {
        Path file = dir.resolve(ADMIN_PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, "AS_ADMIN_PASSWORD=" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A random scrape token generated once into {@code dir} (owner-only); returns it. */
    public static String ensureMetricsToken(Path dir) throws IOException {
        Path file = dir.resolve(METRICS_TOKEN_FILE);
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }

    /** The password kept in such a file. */
    public static String adminPassword(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("AS_ADMIN_PASSWORD="))
                .map(l -> l.substring("AS_ADMIN_PASSWORD=".length())).findFirst()
                .orElseThrow(() -> new IOException("No AS_ADMIN_PASSWORD in " + file));
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

    /**
     * Creates a self-signed RSA 2048 / SHA-256 certificate in a PKCS#12 keystore (the JDK's keytool, as a
     * certificate authority's file would look) unless it is already there; returns the keystore.
     */
    public static Path ensureSigningKeystore(Path dir) throws IOException {
        return ensureKeystore(dir.resolve(SIGNING_KEYSTORE), SIGNING_ALIAS, SIGNING_PASSWORD,
                "CN=CUADRA DESARROLLO, OU=SIN VALOR LEGAL, O=CUADRA, C=PE", "3650", List.of());
    }

    /**
     * The run command's HTTPS certificate when none is configured (CUADRA_TLS_KEYSTORE): self-signed, RSA 2048,
     * for {@code localhost} and 127.0.0.1 (subject alternative names, which clients check), generated once.
     */
    public static Path ensureTlsKeystore(Path dir) throws IOException {
        return ensureKeystore(dir.resolve(TLS_KEYSTORE), TLS_ALIAS, TLS_PASSWORD, "CN=localhost, O=CUADRA DESARROLLO",
                "825", List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1"));
    }

    private static Path ensureKeystore(Path keystore, String alias, String password, String dname, String days,
                                       List<String> extensions) throws IOException {
        if (Files.isRegularFile(keystore)) {
            return keystore;
        }
        Files.createDirectories(keystore.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", dname, "-validity", days, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password));
        command.addAll(extensions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool could not create " + keystore.getFileName() + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating " + keystore.getFileName(), e);
        }
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        return keystore;
    }
}
