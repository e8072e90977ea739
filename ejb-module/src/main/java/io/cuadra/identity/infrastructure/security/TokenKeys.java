package io.cuadra.identity.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair that signs access tokens, read from PEM files named by configuration
 * ({@code CUADRA_JWT_PRIVATE_KEY} / {@code CUADRA_JWT_PUBLIC_KEY}); the run command generates a
 * development pair on first start when none is configured.
 */
@ApplicationScoped
public class TokenKeys {

    @Inject
    @ConfigProperty(name = "cuadra.jwt.private-key")
    Optional<String> privateKeyFile;

    @Inject
    @ConfigProperty(name = "cuadra.jwt.public-key")
    Optional<String> publicKeyFile;

    private RSAPrivateKey privateKey;
    private RSAPublicKey publicKey;

    @PostConstruct
    void load() {
        if (privateKeyFile.isEmpty() || publicKeyFile.isEmpty()) {
            return;
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKeyFile.get())));
            publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(publicKeyFile.get())));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT signing keys: " + e.getMessage(), e);
        }
    }

    public RSAPrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("No JWT signing key: set CUADRA_JWT_PRIVATE_KEY and CUADRA_JWT_PUBLIC_KEY");
        }
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        privateKey();
        return publicKey;
    }

    private static byte[] pem(String file) throws IOException {
        String text = Files.readString(Path.of(file));
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
