package io.cuadra.billing.application;

import io.cuadra.billing.infrastructure.signature.SigningCredentials;
import io.cuadra.billing.infrastructure.signature.SigningCredentialsCache;
import io.cuadra.billing.infrastructure.signature.XmlDocumentSigner;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The certificate that signs SUNAT documents: a PKCS#12 keystore named by configuration
 * ({@code CUADRA_SIGNING_KEYSTORE}, {@code CUADRA_SIGNING_PASSWORD}, {@code CUADRA_SIGNING_ALIAS}). The
 * keystore is decrypted once; a renewed file is picked up without a restart.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    @ConfigProperty(name = "cuadra.signing.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "cuadra.signing.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "cuadra.signing.alias", defaultValue = "cuadra")
    String alias;

    private final SigningCredentialsCache cache = new SigningCredentialsCache();
    private volatile XmlDocumentSigner signer;

    public XmlDocumentSigner signer() {
        String path = keystore.filter(p -> !p.isBlank()).orElseThrow(() -> new RuleViolation(
                "No signing certificate is configured (CUADRA_SIGNING_KEYSTORE): SUNAT documents cannot be signed.").withKey("billing.signingCertificateConfigured"));
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new RuleViolation("The signing keystore " + path + " cannot be read.").withKey("billing.signingKeystoreCannot", path);
        }
        SigningCredentials credentials = cache.get(file, password.orElse("").toCharArray(), alias);
        XmlDocumentSigner current = signer;
        if (current == null || current.credentials() != credentials) {
            current = new XmlDocumentSigner(credentials);
            signer = current;
        }
        return current;
    }
}
