package io.cuadra.billing.infrastructure.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/** The issuer's RSA private key and its X.509 certificate, as read once from a PKCS#12 keystore. */
public record SigningCredentials(PrivateKey privateKey, X509Certificate certificate) {

    public SigningCredentials {
        Objects.requireNonNull(privateKey, "private key");
        Objects.requireNonNull(certificate, "certificate");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("SUNAT documents are signed with RSA; this key is "
                    + privateKey.getAlgorithm() + ".");
        }
    }

    /**
     * Reads the key and certificate stored under {@code alias}. The same password opens the keystore and
     * the key, as PKCS#12 files from Peruvian certificate authorities do.
     */
    public static SigningCredentials fromPkcs12(Path keystore, char[] password, String alias) {
        Objects.requireNonNull(alias, "alias");
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot open the PKCS#12 keystore " + keystore
                    + ": wrong password or not a PKCS#12 file (" + e.getMessage() + ").", e);
        }
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalArgumentException("The keystore " + keystore + " has no entry \"" + alias
                        + "\"; it holds " + Collections.list(store.aliases()) + ".");
            }
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new IllegalArgumentException("The entry \"" + alias + "\" of " + keystore
                        + " is not a private key with an X.509 certificate.");
            }
            return new SigningCredentials(privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key \"" + alias + "\" from " + keystore + ": "
                    + e.getMessage(), e);
        }
    }
}
