package io.cuadra.billing.infrastructure.signature;

import io.cuadra.billing.infrastructure.ubl.UblNames;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Checks the XMLDSig of a SUNAT document with the JDK. A document passes only if it has exactly one
 * signature, that signature covers the whole document (a single reference with URI ""), and both the
 * digest and the signature value check out; anything else, including unparsable XML, is {@code false}.
 * The JDK's secure validation is on, so weak algorithms (SHA-1, short keys) are refused too.
 */
public final class XmlSignatureVerifier {

    private static final ThreadLocal<XMLSignatureFactory> FACTORY =
            ThreadLocal.withInitial(() -> XMLSignatureFactory.getInstance("DOM"));

    /** Integrity check with the certificate the document carries in KeyInfo. */
    public boolean verify(byte[] signedXml) {
        return verify(signedXml, new EmbeddedCertificateSelector());
    }

    /** Also proves who signed: the signature must check out with this certificate's key. */
    public boolean verify(byte[] signedXml, X509Certificate trusted) {
        return verify(signedXml, KeySelector.singletonKeySelector(trusted.getPublicKey()));
    }

    /** The DigestValue of a signed document (its SUNAT hash), to print or put in the QR after reloading it. */
    public static Optional<String> hashOf(byte[] signedXml) {
        Document document = XmlDocuments.parse(signedXml);
        NodeList digests = document.getElementsByTagNameNS(UblNames.DS, "DigestValue");
        return digests.getLength() == 1 ? Optional.of(digests.item(0).getTextContent().strip()) : Optional.empty();
    }

    private boolean verify(byte[] signedXml, KeySelector keys) {
        try {
            Document document = XmlDocuments.parse(signedXml);
            NodeList signatures = document.getElementsByTagNameNS(UblNames.DS, "Signature");
            if (signatures.getLength() != 1) {
                return false;
            }
            DOMValidateContext context = new DOMValidateContext(keys, signatures.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = FACTORY.get().unmarshalXMLSignature(context);
            List<?> references = signature.getSignedInfo().getReferences();
            if (references.size() != 1 || !"".equals(((Reference) references.get(0)).getURI())) {
                return false;
            }
            return signature.validate(context);
        } catch (IllegalArgumentException | MarshalException | XMLSignatureException | ClassCastException e) {
            return false;
        }
    }

    /** Picks the RSA public key of the X.509 certificate inside KeyInfo. */
    private static final class EmbeddedCertificateSelector extends KeySelector {
        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo != null) {
                for (Object info : keyInfo.getContent()) {
                    if (info instanceof X509Data data) {
                        for (Object item : data.getContent()) {
                            if (item instanceof X509Certificate certificate
                                    && "RSA".equals(certificate.getPublicKey().getAlgorithm())) {
                                PublicKey key = certificate.getPublicKey();
                                return () -> (Key) key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("No RSA X.509 certificate in KeyInfo");
        }
    }
}
