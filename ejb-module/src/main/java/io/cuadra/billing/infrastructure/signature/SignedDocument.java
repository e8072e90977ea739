package io.cuadra.billing.infrastructure.signature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed XML document and its hash: the base64 SHA-256 DigestValue of the signature's reference, which
 * SUNAT calls "valor resumen" and which goes into the QR code and the printed copy.
 */
public record SignedDocument(byte[] xml, String hash) {

    public SignedDocument {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(hash, "hash");
        xml = xml.clone();
    }

    @Override
    public byte[] xml() {
        return xml.clone();
    }

    public String xmlText() {
        return new String(xml, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDocument s && hash.equals(s.hash) && Arrays.equals(xml, s.xml);
    }

    @Override
    public int hashCode() {
        return 31 * hash.hashCode() + Arrays.hashCode(xml);
    }

    @Override
    public String toString() {
        return "SignedDocument[" + xml.length + " bytes, hash=" + hash + "]";
    }
}
