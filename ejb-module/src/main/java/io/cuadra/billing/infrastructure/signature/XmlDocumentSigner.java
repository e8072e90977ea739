package io.cuadra.billing.infrastructure.signature;

import io.cuadra.billing.infrastructure.ubl.UblNames;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs SUNAT UBL documents with an enveloped XMLDSig placed in the empty {@code ext:ExtensionContent}:
 * one reference to the whole document (URI ""), enveloped-signature transform, SHA-256 digest,
 * RSA-SHA256 signature, inclusive C14N as in SUNAT's published examples, and the certificate in
 * KeyInfo/X509Data.
 *
 * <p>Thread-safe. The keys are parsed once (hand in credentials from {@link SigningCredentialsCache});
 * each thread keeps its own {@link XMLSignatureFactory} (its instance methods are not thread-safe), the
 * digest and signature methods and the KeyInfo. Transforms and canonicalisation methods are made per
 * document: the JDK's implementations remember the first document they processed.
 */
public final class XmlDocumentSigner {

    private final SigningCredentials credentials;
    private final ThreadLocal<Kit> kits;

    /** What a thread reuses between signatures. */
    private record Kit(XMLSignatureFactory factory, SignatureMethod rsaSha256, DigestMethod sha256, KeyInfo keyInfo) {
    }

    public XmlDocumentSigner(SigningCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.kits = ThreadLocal.withInitial(this::newKit);
    }

    /**
     * Signs the DOM tree in place (it must come from the UBL writer, with an empty ExtensionContent) and
     * returns the serialised XML with its hash.
     */
    public SignedDocument sign(Document document) {
        checkCertificateIsValid();
        Element extensionContent = emptyExtensionContent(document);
        Kit kit = kits.get();
        try {
            XMLSignatureFactory factory = kit.factory();
            List<Transform> enveloped = List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
            Reference reference = factory.newReference("", kit.sha256(), enveloped, null, null);
            CanonicalizationMethod c14n = factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE,
                    (C14NMethodParameterSpec) null);
            SignedInfo signedInfo = factory.newSignedInfo(c14n, kit.rsaSha256(), List.of(reference));
            XMLSignature signature = factory.newXMLSignature(signedInfo, kit.keyInfo(), null,
                    signatureId(document), null);
            DOMSignContext context = new DOMSignContext(credentials.privateKey(), extensionContent);
            context.setDefaultNamespacePrefix("ds");
            signature.sign(context);
            String hash = Base64.getEncoder().encodeToString(reference.getDigestValue());
            return new SignedDocument(XmlDocuments.serialize(document), hash);
        } catch (MarshalException | XMLSignatureException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed: " + e.getMessage(), e);
        }
    }

    /** Parses unsigned XML bytes and signs them. */
    public SignedDocument sign(byte[] unsignedXml) {
        return sign(XmlDocuments.parse(unsignedXml));
    }

    public SigningCredentials credentials() {
        return credentials;
    }

    private void checkCertificateIsValid() {
        try {
            credentials.certificate().checkValidity();
        } catch (CertificateExpiredException e) {
            throw new IllegalStateException("The signing certificate expired on "
                    + credentials.certificate().getNotAfter() + ": SUNAT rejects documents signed with it.", e);
        } catch (CertificateNotYetValidException e) {
            throw new IllegalStateException("The signing certificate is valid only from "
                    + credentials.certificate().getNotBefore() + ".", e);
        }
    }

    private static Element emptyExtensionContent(Document document) {
        NodeList contents = document.getElementsByTagNameNS(UblNames.EXT, "ExtensionContent");
        for (int i = 0; i < contents.getLength(); i++) {
            Element content = (Element) contents.item(i);
            if (!hasElementChild(content)) {
                return content;
            }
        }
        throw new IllegalArgumentException(contents.getLength() == 0
                ? "The document has no ext:ExtensionContent to hold the signature."
                : "The document is already signed: no empty ext:ExtensionContent is left.");
    }

    private static boolean hasElementChild(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /** The Id announced in cac:Signature's ExternalReference URI ("#SignatureSP"), so both agree. */
    private static String signatureId(Document document) {
        NodeList uris = document.getElementsByTagNameNS(UblNames.CBC, "URI");
        for (int i = 0; i < uris.getLength(); i++) {
            String uri = uris.item(i).getTextContent().strip();
            Node parent = uris.item(i).getParentNode();
            if (uri.startsWith("#") && uri.length() > 1 && "ExternalReference".equals(parent.getLocalName())) {
                return uri.substring(1);
            }
        }
        return UblNames.SIGNATURE_ID;
    }

    private Kit newKit() {
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        try {
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(credentials.certificate()))));
            return new Kit(factory, factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    factory.newDigestMethod(DigestMethod.SHA256, null), keyInfo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks an XMLDSig algorithm SUNAT needs", e);
        }
    }
}
