package io.cuadra.sunat.simulator;

import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XML signature SUNAT requires: one enveloped ds:Signature inside ext:UBLExtensions/ext:UBLExtension/
 * ext:ExtensionContent, whose KeyInfo carries the signer's X.509 certificate. Verified with the JDK's
 * javax.xml.crypto API against the key of that certificate. A signature that does not verify means the document
 * changed after signing (2335); one that cannot even be processed is 2336.
 *
 * <p>Trust in the certificate itself (issued to the RUC, registered with SUNAT) is not checked: the simulator
 * has no register of certificates.
 */
final class SignatureRule {

    /** SUNAT's guide still specifies RSA-SHA1; newer issuers use SHA-256. Both are accepted, nothing else. */
    private static final Set<String> SIGNATURE_METHODS = Set.of(
            SignatureMethod.RSA_SHA1, SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA512);
    private static final Set<String> DIGEST_METHODS = Set.of(DigestMethod.SHA1, DigestMethod.SHA256,
            DigestMethod.SHA512);
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    private SignatureRule() {
    }

    static Optional<Finding> check(UblDocument document) {
        NodeList signatures = document.dom().getElementsByTagNameNS(Xml.DSIG, "Signature");
        if (signatures.getLength() != 1) {
            return unverifiable(signatures.getLength() == 0
                    ? "El XML no contiene firma digital" : "El XML contiene mas de una firma digital");
        }
        Element signatureElement = (Element) signatures.item(0);
        if (!isInsideExtensionContent(signatureElement)) {
            return unverifiable("La firma debe estar en ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent");
        }
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext context = new DOMValidateContext(new CertificateInKeyInfo(), signatureElement);
            // The JDK's secure validation refuses SHA-1, which SUNAT's own guide prescribes; the limits it would
            // enforce are applied below instead (algorithms, one same-document reference, few transforms).
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            Optional<String> refused = refusedConstruct(signature);
            if (refused.isPresent()) {
                return unverifiable(refused.get());
            }
            if (signature.validate(context)) {
                return Optional.empty();
            }
            Reference reference = signature.getSignedInfo().getReferences().get(0);
            String detail = reference.validate(context) ? "Invalid signature value" : "Incorrect reference digest value";
            return Optional.of(new Finding(ReturnCode.DOCUMENT_ALTERED, detail));
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            return unverifiable(e.getMessage());
        }
    }

    private static Optional<String> refusedConstruct(XMLSignature signature) {
        String method = signature.getSignedInfo().getSignatureMethod().getAlgorithm();
        if (!SIGNATURE_METHODS.contains(method)) {
            return Optional.of("Algoritmo de firma no admitido: " + method);
        }
        List<Reference> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1) {
            return Optional.of("La firma debe tener una sola referencia");
        }
        Reference reference = references.get(0);
        if (reference.getURI() != null && !reference.getURI().isEmpty()) {
            return Optional.of("ds:Reference/@URI debe estar vacio");
        }
        if (!DIGEST_METHODS.contains(reference.getDigestMethod().getAlgorithm())) {
            return Optional.of("Algoritmo de resumen no admitido: " + reference.getDigestMethod().getAlgorithm());
        }
        for (Transform transform : reference.getTransforms()) {
            String algorithm = transform.getAlgorithm();
            if (!TRANSFORMS.contains(algorithm)) {
                return Optional.of("Transformacion no admitida: " + algorithm);
            }
        }
        if (reference.getTransforms().stream().noneMatch(t -> Transform.ENVELOPED.equals(t.getAlgorithm()))) {
            return Optional.of("La firma debe ser enveloped");
        }
        return Optional.empty();
    }

    private static boolean isInsideExtensionContent(Element signature) {
        Node parent = signature.getParentNode();
        return parent instanceof Element content && Xml.EXT.equals(content.getNamespaceURI())
                && "ExtensionContent".equals(content.getLocalName());
    }

    private static Optional<Finding> unverifiable(String detail) {
        return Optional.of(new Finding(ReturnCode.SIGNATURE_NOT_VERIFIABLE, detail));
    }

    /** The key to verify with is the one of the certificate the signer put in KeyInfo/X509Data. */
    private static final class CertificateInKeyInfo extends KeySelector {

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("La firma no contiene ds:KeyInfo");
            }
            for (Object info : keyInfo.getContent()) {
                if (info instanceof X509Data data) {
                    for (Object item : data.getContent()) {
                        if (item instanceof X509Certificate certificate) {
                            PublicKey key = certificate.getPublicKey();
                            if (!"RSA".equals(key.getAlgorithm())) {
                                throw new KeySelectorException("El certificado no tiene una clave RSA");
                            }
                            return () -> (Key) key;
                        }
                    }
                }
            }
            throw new KeySelectorException("ds:KeyInfo no contiene ds:X509Data/ds:X509Certificate");
        }
    }
}
