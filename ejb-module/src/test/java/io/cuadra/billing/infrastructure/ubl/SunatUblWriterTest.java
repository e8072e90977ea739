package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.UblSchemaValidator;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class SunatUblWriterTest {

    private final SunatUblWriter writer = new SunatUblWriter();

    static Stream<ElectronicDocument> variants() {
        return SampleDocuments.allVariants().stream();
    }

    /**
     * UBL requires an element inside ExtensionContent, so the unsigned document's one schema error must be
     * that placeholder, and without the placeholder it must be entirely valid.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void unsignedDocumentIsSchemaValidExceptForTheSignaturePlaceholder(ElectronicDocument doc) {
        byte[] xml = writer.writeBytes(doc);

        List<String> errors = UblSchemaValidator.errors(xml);
        assertThat(errors).singleElement().asString()
                .contains("cvc-complex-type.2.4.b").contains("ext:ExtensionContent");

        Document dom = XmlDocuments.parse(xml);
        Element extensions = (Element) dom.getElementsByTagNameNS(UblNames.EXT, "UBLExtensions").item(0);
        extensions.getParentNode().removeChild(extensions);
        assertThat(UblSchemaValidator.errors(XmlDocuments.serialize(dom))).isEmpty();
    }

    @Test
    void facturaCarriesSunatHeaderCodes() throws Exception {
        Document dom = writer.write(SampleDocuments.factura());

        assertThat(dom.getDocumentElement().getLocalName()).isEqualTo("Invoice");
        assertThat(text(dom, "/inv:Invoice/cbc:UBLVersionID")).isEqualTo("2.1");
        assertThat(text(dom, "/inv:Invoice/cbc:CustomizationID")).isEqualTo("2.0");
        assertThat(text(dom, "/inv:Invoice/cbc:ProfileID")).isEqualTo("0101");
        assertThat(text(dom, "/inv:Invoice/cbc:ID")).isEqualTo("F001-123");
        assertThat(text(dom, "/inv:Invoice/cbc:IssueDate")).isEqualTo("2026-11-21");
        assertThat(text(dom, "/inv:Invoice/cbc:IssueTime")).isEqualTo("16:40:05");
        assertThat(text(dom, "/inv:Invoice/cbc:InvoiceTypeCode")).isEqualTo("01");
        assertThat(text(dom, "/inv:Invoice/cbc:InvoiceTypeCode/@listID")).isEqualTo("0101");
        assertThat(text(dom, "/inv:Invoice/cbc:InvoiceTypeCode/@listURI"))
                .isEqualTo("urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo01");
        assertThat(text(dom, "/inv:Invoice/cbc:Note[@languageLocaleID='1000']"))
                .isEqualTo("MIL DOSCIENTOS DIEZ CON 00/100 SOLES");
        assertThat(text(dom, "/inv:Invoice/cbc:DocumentCurrencyCode")).isEqualTo("PEN");
        assertThat(text(dom, "/inv:Invoice/cbc:LineCountNumeric")).isEqualTo("2");
        assertThat(count(dom, "/inv:Invoice/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent[not(*)]"))
                .isEqualTo(1);
        assertThat(text(dom, "//cac:Signature/cac:DigitalSignatureAttachment/cac:ExternalReference/cbc:URI"))
                .isEqualTo("#SignatureSP");
    }

    @Test
    void partiesCarryCatalog06AndTheFiscalAddress() throws Exception {
        Document dom = writer.write(SampleDocuments.factura());

        String supplier = "/inv:Invoice/cac:AccountingSupplierParty/cac:Party";
        assertThat(text(dom, supplier + "/cac:PartyIdentification/cbc:ID")).isEqualTo(SampleDocuments.ISSUER_RUC);
        assertThat(text(dom, supplier + "/cac:PartyIdentification/cbc:ID/@schemeID")).isEqualTo("6");
        assertThat(text(dom, supplier + "/cac:PartyName/cbc:Name")).isEqualTo("Cuadra Café");
        String address = supplier + "/cac:PartyLegalEntity/cac:RegistrationAddress";
        assertThat(text(dom, address + "/cbc:ID")).isEqualTo("150122");
        assertThat(text(dom, address + "/cbc:AddressTypeCode")).isEqualTo("0000");
        assertThat(text(dom, address + "/cbc:District")).isEqualTo("MIRAFLORES");
        assertThat(text(dom, address + "/cac:Country/cbc:IdentificationCode")).isEqualTo("PE");

        String customer = "/inv:Invoice/cac:AccountingCustomerParty/cac:Party";
        assertThat(text(dom, customer + "/cac:PartyIdentification/cbc:ID/@schemeID")).isEqualTo("6");
        assertThat(text(dom, customer + "/cac:PartyLegalEntity/cbc:RegistrationName"))
                .isEqualTo("NEGOCIOS ANDINOS S.A.");

        Document boleta = writer.write(SampleDocuments.boleta());
        assertThat(text(boleta, customer + "/cac:PartyIdentification/cbc:ID")).isEqualTo("-");
        assertThat(text(boleta, customer + "/cac:PartyIdentification/cbc:ID/@schemeID")).isEqualTo("0");
    }

    @Test
    void creditSaleListsFormaPagoAndEachCuota() throws Exception {
        Document dom = writer.write(SampleDocuments.factura());

        assertThat(texts(dom, "/inv:Invoice/cac:PaymentTerms/cbc:PaymentMeansID"))
                .containsExactly("Credito", "Cuota001", "Cuota002");
        assertThat(texts(dom, "/inv:Invoice/cac:PaymentTerms/cbc:ID")).containsOnly("FormaPago");
        assertThat(texts(dom, "/inv:Invoice/cac:PaymentTerms/cbc:Amount")).containsExactly("1210.00", "600.00",
                "610.00");
        assertThat(texts(dom, "/inv:Invoice/cac:PaymentTerms/cbc:PaymentDueDate"))
                .containsExactly("2026-12-21", "2027-01-20");
        assertThat(text(dom, "/inv:Invoice/cbc:DueDate")).isEqualTo("2027-01-20");

        Document cash = writer.write(SampleDocuments.boleta());
        assertThat(texts(cash, "/inv:Invoice/cac:PaymentTerms/cbc:PaymentMeansID")).containsExactly("Contado");
    }

    @Test
    void mixedDocumentHasOneSubtotalPerSchemeWithCatalog05Names() throws Exception {
        Document dom = writer.write(SampleDocuments.mixedBoleta());

        String subtotal = "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal";
        assertThat(text(dom, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount")).isEqualTo("1.53");
        assertThat(texts(dom, subtotal + "/cac:TaxCategory/cac:TaxScheme/cbc:ID")).containsExactly("1000", "9997",
                "9998");
        assertThat(texts(dom, subtotal + "/cac:TaxCategory/cac:TaxScheme/cbc:Name")).containsExactly("IGV", "EXO",
                "INA");
        assertThat(texts(dom, subtotal + "/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode")).containsExactly("VAT",
                "VAT", "FRE");
        assertThat(texts(dom, subtotal + "/cbc:TaxableAmount")).containsExactly("8.47", "90.00", "8.00");
        assertThat(texts(dom, subtotal + "/cbc:TaxableAmount/@currencyID")).containsOnly("PEN");
        assertThat(text(dom, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount")).isEqualTo("106.47");
        assertThat(text(dom, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")).isEqualTo("108.00");
        assertThat(text(dom, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount")).isEqualTo("108.00");
        assertThat(texts(dom, "//cac:InvoiceLine/cac:TaxTotal//cbc:TaxExemptionReasonCode"))
                .containsExactly("10", "20", "30");
        assertThat(texts(dom, "//cac:InvoiceLine/cac:TaxTotal//cbc:Percent")).containsExactly("18", "0", "0");
    }

    @Test
    void linesCarryQuantityUnitPricesAndItem() throws Exception {
        Document dom = writer.write(SampleDocuments.mixedBoleta());

        String fruit = "/inv:Invoice/cac:InvoiceLine[3]";
        assertThat(text(dom, fruit + "/cbc:ID")).isEqualTo("3");
        assertThat(text(dom, fruit + "/cbc:InvoicedQuantity")).isEqualTo("1.25");
        assertThat(text(dom, fruit + "/cbc:InvoicedQuantity/@unitCode")).isEqualTo("KGM");
        String coffee = "/inv:Invoice/cac:InvoiceLine[1]";
        assertThat(text(dom, coffee + "/cac:PricingReference/cac:AlternativeConditionPrice/cbc:PriceAmount"))
                .isEqualTo("10.00");
        assertThat(text(dom, coffee + "/cac:PricingReference/cac:AlternativeConditionPrice/cbc:PriceTypeCode"))
                .isEqualTo("01");
        assertThat(text(dom, coffee + "/cac:Price/cbc:PriceAmount")).isEqualTo("8.4745762712");
        assertThat(text(dom, coffee + "/cac:Item/cbc:Description")).isEqualTo("Café americano 12 oz");
        assertThat(text(dom, coffee + "/cac:Item/cac:SellersItemIdentification/cbc:ID")).isEqualTo("CAF-01");
    }

    @Test
    void discountedLineCarriesItsAllowanceAndTheNetValue() throws Exception {
        Document dom = writer.write(SampleDocuments.discountedFactura());

        // 3 coffees at 10.00 with 3.00 off: 27.00 paid, 22.88 + 4.12 IGV; 25.42 before the 2.54 discount
        String coffee = "/inv:Invoice/cac:InvoiceLine[1]";
        assertThat(text(dom, coffee + "/cbc:LineExtensionAmount")).isEqualTo("22.88");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:ChargeIndicator")).isEqualTo("false");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode")).isEqualTo("00");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode/@listURI"))
                .endsWith("catalogo53");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:MultiplierFactorNumeric")).isEqualTo("0.09992");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:Amount")).isEqualTo("2.54");
        assertThat(text(dom, coffee + "/cac:AllowanceCharge/cbc:BaseAmount")).isEqualTo("25.42");
        assertThat(text(dom, coffee + "/cac:TaxTotal/cbc:TaxAmount")).isEqualTo("4.12");
        assertThat(text(dom, coffee + "/cac:Price/cbc:PriceAmount")).isEqualTo("8.4745762712");
        assertThat(text(dom, coffee + "/cac:PricingReference/cac:AlternativeConditionPrice/cbc:PriceAmount"))
                .isEqualTo("9.00");
        // The undiscounted books line has no allowance; the totals add up the net values
        assertThat(count(dom, "/inv:Invoice/cac:InvoiceLine[3]/cac:AllowanceCharge")).isZero();
        assertThat(text(dom, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount"))
                .isEqualTo("141.10"); // 22.88 + 28.22 + 90.00
        assertThat(text(dom, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"))
                .isEqualTo("150.30"); // 27.00 + 33.30 + 90.00
    }

    @Test
    void creditNoteCarriesDiscrepancyAndBillingReference() throws Exception {
        Document dom = writer.write(SampleDocuments.partialCreditNote());

        assertThat(dom.getDocumentElement().getLocalName()).isEqualTo("CreditNote");
        assertThat(dom.getDocumentElement().getNamespaceURI()).isEqualTo(UblNames.CREDIT_NOTE);
        assertThat(text(dom, "/cn:CreditNote/cbc:ID")).isEqualTo("FC01-2");
        assertThat(text(dom, "/cn:CreditNote/cac:DiscrepancyResponse/cbc:ReferenceID")).isEqualTo("F001-123");
        assertThat(text(dom, "/cn:CreditNote/cac:DiscrepancyResponse/cbc:ResponseCode")).isEqualTo("07");
        assertThat(text(dom, "/cn:CreditNote/cac:DiscrepancyResponse/cbc:ResponseCode/@listURI"))
                .isEqualTo("urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo09");
        assertThat(text(dom, "/cn:CreditNote/cac:DiscrepancyResponse/cbc:Description"))
                .isEqualTo("DEVOLUCIÓN DE 1 CAFÉ");
        assertThat(text(dom, "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"))
                .isEqualTo("F001-123");
        assertThat(text(dom, "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"))
                .isEqualTo("01");
        assertThat(text(dom, "/cn:CreditNote/cac:CreditNoteLine/cbc:CreditedQuantity")).isEqualTo("1");
        assertThat(count(dom, "/cn:CreditNote/cac:PaymentTerms")).isZero();
        assertThat(count(dom, "/cn:CreditNote/cbc:InvoiceTypeCode")).isZero();

        Document boletaNote = writer.write(SampleDocuments.boletaCreditNote());
        assertThat(text(boletaNote,
                "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"))
                .isEqualTo("03");
        assertThat(text(boletaNote, "/cn:CreditNote/cac:DiscrepancyResponse/cbc:ResponseCode")).isEqualTo("01");
    }

    @Test
    void escapesMarkupInTextsAndKeepsAccents() {
        String xml = new String(writer.writeBytes(SampleDocuments.boleta()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("Sándwich de pollo &amp; palta &lt;grande&gt;");
        assertThat(XmlDocuments.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement().getLocalName())
                .isEqualTo("Invoice");
    }

    private static final XPath XPATH = xpath();

    private static String text(Document dom, String expression) throws XPathExpressionException {
        NodeList nodes = (NodeList) XPATH.evaluate(expression, dom, XPathConstants.NODESET);
        assertThat(nodes.getLength()).as(expression).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    private static List<String> texts(Document dom, String expression) throws XPathExpressionException {
        NodeList nodes = (NodeList) XPATH.evaluate(expression, dom, XPathConstants.NODESET);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }

    private static int count(Document dom, String expression) throws XPathExpressionException {
        return ((NodeList) XPATH.evaluate(expression, dom, XPathConstants.NODESET)).getLength();
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "inv" -> UblNames.INVOICE;
                    case "cn" -> UblNames.CREDIT_NOTE;
                    case "cac" -> UblNames.CAC;
                    case "cbc" -> UblNames.CBC;
                    case "ext" -> UblNames.EXT;
                    case "ds" -> UblNames.DS;
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                return null;
            }
        });
        return xpath;
    }
}
