package io.cuadra.server;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;

/**
 * Trust in the certificate Cuadra's HTTPS listener presents. The run command's own clients (its health probe and
 * the stand-ins that call Cuadra's webhooks) must accept the self-signed development certificate without trusting
 * anything else they would not trust anyway: the JDK's authorities plus that one certificate.
 */
public final class TlsTrust {

    private TlsTrust() {
    }

    /** A TLS context that trusts only the certificate under {@code alias} in that keystore. */
    public static SSLContext only(Path keystore, String password, String alias) throws IOException {
        return context(certificateOf(keystore, password, alias), false);
    }

    /** Makes this JVM's default TLS context trust the JDK's authorities and that certificate. */
    public static void installAsDefault(Path keystore, String password, String alias) throws IOException {
        SSLContext context = context(certificateOf(keystore, password, alias), true);
        SSLContext.setDefault(context);
        HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
    }

    static Certificate certificateOf(Path keystore, String password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            // PKCS#12 or JKS: the JDK's keystore reads both (keystore.type.compat)
            KeyStore store = KeyStore.getInstance(keystore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                throw new KeyStoreException("no certificate under alias '" + alias + "'");
            }
            return certificate;
        } catch (GeneralSecurityException | IOException e) {
            // a wrong password surfaces as an IOException of KeyStore.load
            throw new IOException("Cannot read the HTTPS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(Certificate certificate, boolean withJdkAuthorities) throws IOException {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (withJdkAuthorities && Files.isRegularFile(cacerts)) {
                try (InputStream in = Files.newInputStream(cacerts)) {
                    trusted.load(in, null);
                }
            } else {
                trusted.load(null, null);
            }
            trusted.setCertificateEntry("cuadra-https", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot build a TLS context trusting Cuadra's certificate", e);
        }
    }
}
