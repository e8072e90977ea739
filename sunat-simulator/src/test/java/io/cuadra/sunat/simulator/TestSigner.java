package io.cuadra.sunat.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs test documents the way SUNAT asks: an enveloped XMLDSig signature placed in
 * ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent, with the certificate in KeyInfo. The key pair is a
 * throw-away RSA key with a self-signed certificate made by the JDK's keytool in a temporary folder.
 */
public final class TestSigner {

    private static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    private static final String PASSWORD = "test-only";

    private final PrivateKey key;
    private final X509Certificate certificate;

    private TestSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Runs keytool -genkeypair into a PKCS#12 store under {@code folder} and loads the result. */
    public static TestSigner withNewKey(Path folder) throws Exception {
        Path store = folder.resolve("signer.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "signer",
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "30",
                "-dname", "CN=Cuadra test signer, O=Cuadra, C=PE", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return new TestSigner((PrivateKey) keyStore.getKey("signer", PASSWORD.toCharArray()),
                (X509Certificate) keyStore.getCertificate("signer"));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public byte[] sign(String xml) throws Exception {
        return sign(xml, SignatureMethod.RSA_SHA256, DigestMethod.SHA256);
    }

    /** SUNAT's guide still shows RSA-SHA1 with a SHA-1 digest; many issuers sign that way. */
    byte[] signWithSha1(String xml) throws Exception {
        return sign(xml, SignatureMethod.RSA_SHA1, DigestMethod.SHA1);
    }

    private byte[] sign(String xml, String signatureMethod, String digestMethod) throws Exception {
        Document document = parse(xml.getBytes(StandardCharsets.UTF_8));
        Element content = (Element) document.getElementsByTagNameNS(EXT, "ExtensionContent").item(0);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        Reference reference = factory.newReference("", factory.newDigestMethod(digestMethod, null),
                List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
        SignedInfo signedInfo = factory.newSignedInfo(
                factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(signatureMethod, null), List.of(reference));
        KeyInfoFactory keyInfoFactory = factory.getKeyInfoFactory();
        var keyInfo = keyInfoFactory.newKeyInfo(List.of(keyInfoFactory.newX509Data(List.of(certificate))));
        DOMSignContext context = new DOMSignContext(key, content);
        context.setDefaultNamespacePrefix("ds");
        factory.newXMLSignature(signedInfo, keyInfo, null, "SignatureCuadra", null).sign(context);
        return serialize(document);
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static byte[] serialize(Document document) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    public static byte[] zip(String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry(entryName));
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
