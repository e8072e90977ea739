package io.cuadra.billing.infrastructure.signature;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.TestKeystores;
import io.cuadra.billing.UblSchemaValidator;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import io.cuadra.billing.infrastructure.ubl.UblNames;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlDocumentSignerTest {

    @TempDir
    static Path keys;

    private static TestKeystores.Keystore keystore;
    private static XmlDocumentSigner signer;
    private static final SunatUblWriter WRITER = new SunatUblWriter();
    private static final XmlSignatureVerifier VERIFIER = new XmlSignatureVerifier();

    @BeforeAll
    static void generateKeystore() {
        keystore = TestKeystores.generate(keys, "issuer.p12");
        signer = new XmlDocumentSigner(SigningCredentials.fromPkcs12(keystore.path(), keystore.password(),
                keystore.alias()));
    }

    static Stream<ElectronicDocument> variants() {
        return SampleDocuments.allVariants().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void signedDocumentVerifiesAndValidatesAgainstUbl21(ElectronicDocument doc) {
        SignedDocument signed = signer.sign(WRITER.write(doc));

        assertThat(VERIFIER.verify(signed.xml())).isTrue();
        assertThat(UblSchemaValidator.errors(signed.xml())).isEmpty();
    }

    @Test
    void signatureSitsInExtensionContentWithSunatAlgorithms() {
        SignedDocument signed = signer.sign(WRITER.write(SampleDocuments.factura()));
        Document dom = XmlDocuments.parse(signed.xml());

        Element signature = (Element) dom.getElementsByTagNameNS(UblNames.DS, "Signature").item(0);
        assertThat(signature.getParentNode().getLocalName()).isEqualTo("ExtensionContent");
        assertThat(signature.getPrefix()).isEqualTo("ds");
        assertThat(signature.getAttribute("Id")).isEqualTo("SignatureSP");
        assertThat(algorithm(dom, "CanonicalizationMethod")).isEqualTo(CanonicalizationMethod.INCLUSIVE);
        assertThat(algorithm(dom, "SignatureMethod")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(algorithm(dom, "DigestMethod")).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(algorithm(dom, "Transform")).isEqualTo("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        assertThat(((Element) dom.getElementsByTagNameNS(UblNames.DS, "Reference").item(0)).getAttribute("URI"))
                .isEmpty();
        assertThat(dom.getElementsByTagNameNS(UblNames.DS, "X509Certificate").getLength()).isEqualTo(1);
    }

    @Test
    void hashIsTheDigestValueInTheXml() {
        SignedDocument signed = signer.sign(WRITER.write(SampleDocuments.boleta()));
        Document dom = XmlDocuments.parse(signed.xml());

        String digestValue = dom.getElementsByTagNameNS(UblNames.DS, "DigestValue").item(0).getTextContent();
        assertThat(signed.hash()).isEqualTo(digestValue).hasSize(44);
        assertThat(XmlSignatureVerifier.hashOf(signed.xml())).contains(signed.hash());
    }

    /** Recomputes the digest outside the signer: SHA-256 of the canonical document without its signature. */
    @Test
    void hashIsTheSha256OfTheWholeDocumentWithoutTheSignature() throws Exception {
        SignedDocument signed = signer.sign(WRITER.write(SampleDocuments.factura()));
        Document dom = XmlDocuments.parse(signed.xml());
        Element signature = (Element) dom.getElementsByTagNameNS(UblNames.DS, "Signature").item(0);
        signature.getParentNode().removeChild(signature);

        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
        c14n.init((C14NMethodParameterSpec) null);
        Document scratch = XmlDocuments.newDocument();
        Element holder = (Element) scratch.appendChild(scratch.createElement("c14n"));
        DOMValidateContext context = new DOMValidateContext(signer.credentials().certificate().getPublicKey(), holder);
        c14n.marshalParams(new DOMStructure(holder), context);
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        byte[] withoutSignature = XmlDocuments.serialize(dom);
        c14n.transform(new OctetStreamData(new ByteArrayInputStream(withoutSignature)), context, canonical);
        assertThat(canonical.toString(StandardCharsets.UTF_8)).startsWith("<Invoice").doesNotContain("ds:Signature");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray());

        assertThat(Base64.getEncoder().encodeToString(digest)).isEqualTo(signed.hash());
    }

    @Test
    void changingOneAmountBreaksTheSignature() {
        String xml = signer.sign(WRITER.write(SampleDocuments.factura())).xmlText();
        String payable = "<cbc:PayableAmount currencyID=\"PEN\">1210.00</cbc:PayableAmount>";
        assertThat(xml).contains(payable);

        String tampered = xml.replace(payable, "<cbc:PayableAmount currencyID=\"PEN\">1200.00</cbc:PayableAmount>");

        assertThat(VERIFIER.verify(tampered.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(VERIFIER.verify(xml.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void changingTheCustomerOrTheSignatureValueBreaksIt() {
        String xml = signer.sign(WRITER.write(SampleDocuments.factura())).xmlText();

        String otherCustomer = xml.replace("NEGOCIOS ANDINOS S.A.", "NEGOCIOS ANDINOS S.A.C.");
        assertThat(VERIFIER.verify(otherCustomer.getBytes(StandardCharsets.UTF_8))).isFalse();

        int start = xml.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length();
        char first = xml.charAt(start);
        String otherValue = xml.substring(0, start) + (first == 'A' ? 'B' : 'A') + xml.substring(start + 1);
        assertThat(VERIFIER.verify(otherValue.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void unsignedOrMalformedXmlDoesNotVerify() {
        assertThat(VERIFIER.verify(WRITER.writeBytes(SampleDocuments.boleta()))).isFalse();
        assertThat(VERIFIER.verify("<Invoice>".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void verifiesAgainstATrustedCertificateOnly() {
        SignedDocument signed = signer.sign(WRITER.write(SampleDocuments.boleta()));
        TestKeystores.Keystore other = TestKeystores.generate(keys, "someone-else.p12");
        SigningCredentials stranger = SigningCredentials.fromPkcs12(other.path(), other.password(), other.alias());

        assertThat(VERIFIER.verify(signed.xml(), signer.credentials().certificate())).isTrue();
        assertThat(VERIFIER.verify(signed.xml(), stranger.certificate())).isFalse();
        // Re-signed by the stranger, the document is intact but no longer ours.
        SignedDocument forged = new XmlDocumentSigner(stranger).sign(WRITER.write(SampleDocuments.boleta()));
        assertThat(VERIFIER.verify(forged.xml())).isTrue();
        assertThat(VERIFIER.verify(forged.xml(), signer.credentials().certificate())).isFalse();
    }

    @Test
    void refusesToSignTwice() {
        Document dom = WRITER.write(SampleDocuments.boleta());
        signer.sign(dom);

        assertThatThrownBy(() -> signer.sign(dom)).hasMessageContaining("already signed");
    }

    @Test
    void signsBytesLikeTrees() {
        SignedDocument fromTree = signer.sign(WRITER.write(SampleDocuments.mixedBoleta()));
        SignedDocument fromBytes = signer.sign(WRITER.writeBytes(SampleDocuments.mixedBoleta()));

        assertThat(fromBytes.hash()).isEqualTo(fromTree.hash());
        assertThat(VERIFIER.verify(fromBytes.xml())).isTrue();
    }

    @Test
    void refusesAnExpiredCertificate() {
        TestKeystores.Keystore expired = TestKeystores.generateExpired(keys, "expired.p12");
        XmlDocumentSigner expiredSigner = new XmlDocumentSigner(
                SigningCredentials.fromPkcs12(expired.path(), expired.password(), expired.alias()));

        assertThatThrownBy(() -> expiredSigner.sign(WRITER.write(SampleDocuments.boleta())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void explainsAWrongPasswordOrAlias() {
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(keystore.path(), "nope".toCharArray(),
                keystore.alias()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(keystore.path(), keystore.password(), "other"))
                .hasMessageContaining("no entry \"other\"")
                .hasMessageContaining(TestKeystores.ALIAS);
    }

    @Test
    void concurrentSigningGivesTheSameBytesAsSequentialSigning() throws Exception {
        List<ElectronicDocument> docs = SampleDocuments.allVariants();
        List<byte[]> expected = docs.stream().map(d -> signer.sign(WRITER.write(d)).xml()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < docs.size(); i++) {
                    int index = i;
                    results.add(pool.submit(() -> {
                        byte[] xml = signer.sign(WRITER.write(docs.get(index))).xml();
                        return java.util.Arrays.equals(xml, expected.get(index)) && VERIFIER.verify(xml);
                    }));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String algorithm(Document dom, String element) {
        return ((Element) dom.getElementsByTagNameNS(UblNames.DS, element).item(0)).getAttribute("Algorithm");
    }
}
