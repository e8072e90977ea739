package io.cuadra.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's HTTPS: the generated certificate, the listener's asadmin overrides, the trust built on it. */
class HttpsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDevelopmentCertificateIsForLocalhostAndGeneratedOnce() throws Exception {
        Path keystore = DevKeys.ensureTlsKeystore(dir);
        byte[] first = Files.readAllBytes(keystore);
        assertThat(DevKeys.ensureTlsKeystore(dir)).isEqualTo(keystore);
        assertThat(Files.readAllBytes(keystore)).as("not regenerated").isEqualTo(first);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, DevKeys.TLS_PASSWORD.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(DevKeys.TLS_ALIAS);
        assertThat(certificate.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .contains("localhost", "127.0.0.1");
        assertThat(store.isKeyEntry(DevKeys.TLS_ALIAS)).isTrue();
        assertThat(Files.getPosixFilePermissions(keystore).toString()).doesNotContain("OTHERS").doesNotContain("GROUP");
    }

    @Test
    void theListenerGetsTheKeystoreAndTheDomainFileTheTlsVersions() {
        Path keystore = dir.resolve("tls.p12");
        assertThat(PayaraDomain.httpsOn(keystore, "secret", "web"))
                .containsExactly("set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.key-store=" + keystore,
                        "set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.key-store-password=secret",
                        "set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.cert-nickname=web");
        // The TLS versions are the same everywhere: in the domain file every environment applies.
        assertThat(PayaraDomain.domainFileText()).contains("http-listener-2.ssl.tls12-enabled=true")
                .contains("http-listener-2.ssl.tls13-enabled=true");
    }

    @Test
    void trustIsBuiltOnTheCertificateOfTheNamedEntry() throws Exception {
        Path keystore = DevKeys.ensureTlsKeystore(dir);
        SSLContext context = TlsTrust.only(keystore, DevKeys.TLS_PASSWORD, DevKeys.TLS_ALIAS);
        assertThat(context.getProtocol()).isEqualTo("TLS");
        assertThatThrownBy(() -> TlsTrust.only(keystore, DevKeys.TLS_PASSWORD, "no-such-alias"))
                .hasMessageContaining("no-such-alias");
        assertThatThrownBy(() -> TlsTrust.only(keystore, "wrong-password", DevKeys.TLS_ALIAS))
                .hasMessageContaining("Cannot read");
    }

    @Test
    void theMetricsTokenIsGeneratedOnceAndKeptPrivate() throws Exception {
        String token = DevKeys.ensureMetricsToken(dir);
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        assertThat(DevKeys.ensureMetricsToken(dir)).isEqualTo(token);
        assertThat(Files.getPosixFilePermissions(dir.resolve(DevKeys.METRICS_TOKEN_FILE)).toString())
                .doesNotContain("OTHERS").doesNotContain("GROUP");
    }
}
