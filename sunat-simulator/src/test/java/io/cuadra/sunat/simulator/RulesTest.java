package io.cuadra.sunat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cuadra.sunat.simulator.TestDocuments.Invoice;

/** The content rules one by one, on unsigned documents (the signature is SignatureRule's business). */
class RulesTest {

    @ParameterizedTest(name = "{0} {1}-{2} -> {3}")
    @CsvSource({
            // document, customer type, customer number, expected code ("" = passes)
            "01, 6, 20131312955, ''",
            "01, 6, 10467793549, ''",
            "01, 1, 46027897, 2800",
            "01, 9, 46027897, 2800",
            "01, 6, 2013131295, 2017",
            "01, 6, 20131312954, 1083",
            "01, 6, 30131312951, 1083",
            "03, 1, 46027897, ''",
            "03, 1, 4602789, 2801",
            "03, 1, 4602789A, 2801",
            "03, 7, AB1234567, ''",
            "03, 4, 1234567890123456, 2802",
            "03, -, -, ''",
            "03, 6, 20100070971, 1083",
    })
    void customerIdentity(String type, String customerType, String customerNumber, String expected) throws Exception {
        Invoice invoice = (type.equals("01") ? Invoice.factura("F001", 1) : Invoice.boleta("B001", 1))
                .customer(customerType, customerNumber);

        Optional<Finding> finding = CustomerIdentityRule.check(read(invoice.xml()));

        assertThat(finding.map(f -> f.code().code()).orElse("")).isEqualTo(expected);
    }

    @Test
    void anExportFacturaMayGoToACustomerWithoutRuc() throws Exception {
        String export = Invoice.factura("F001", 1).customer("0", "P1234567").xml()
                .replace("listID=\"0101\"", "listID=\"0200\"");

        assertThat(CustomerIdentityRule.check(read(export))).isEmpty();
    }

    @Test
    void aCreditNoteOnAFacturaFollowsTheFacturaRule() throws Exception {
        String creditNote = """
                <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
                            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:ID>FC01-1</cbc:ID>
                  <cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification>
                    <cbc:ID schemeID="1">46027897</cbc:ID>
                  </cac:PartyIdentification></cac:Party></cac:AccountingCustomerParty>
                </CreditNote>
                """;

        UblDocument document = read(creditNote);

        assertThat(document.typeCode()).isEqualTo("07");
        assertThat(CustomerIdentityRule.check(document)).map(f -> f.code().code()).contains("2800");
    }

    @Test
    void rucCheckDigitUsesSunatWeights() {
        // 2*5+0*4+1*3+0*2+0*7+0*6+7*5+0*4+9*3+7*2 = 89; 11 - 89 % 11 = 10, written 0
        assertThat(CustomerIdentityRule.rucCheckDigit("20100070970")).isZero();
        assertThat(CustomerIdentityRule.isPlausibleRuc("20601030013")).isTrue();
        assertThat(CustomerIdentityRule.isPlausibleRuc("20601030014")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150101", "250101", "070101", "010101"})
    void wellFormedUbigeosRaiseNoObservation(String ubigeo) throws Exception {
        assertThat(IssuerAddressRule.check(read(Invoice.factura("F001", 1).issuerUbigeo(ubigeo).xml()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"990101", "260101", "000101", "150001", "150100", "15010", "LIMA01"})
    void malformedUbigeosRaiseObservation4093(String ubigeo) throws Exception {
        Optional<Finding> finding = IssuerAddressRule.check(read(Invoice.factura("F001", 1).issuerUbigeo(ubigeo).xml()));

        assertThat(finding).map(Finding::note).hasValueSatisfying(note -> assertThat(note)
                .startsWith("4093 - El codigo de ubigeo del domicilio fiscal del emisor no es válido")
                .contains("valor: \"" + ubigeo + "\""));
    }

    @Test
    void fileNamesFollowSunatsPattern() {
        assertThat(DocumentFileName.parse("20100070970-01-F001-123.zip", "zip")).hasValueSatisfying(n -> {
            assertThat(n.ruc()).isEqualTo("20100070970");
            assertThat(n.typeCode()).isEqualTo("01");
            assertThat(n.documentId()).isEqualTo("F001-123");
            assertThat(n.isSummary()).isFalse();
        });
        assertThat(DocumentFileName.parse("20100070970-RA-20260115-1.zip", "zip"))
                .map(DocumentFileName::documentId).contains("RA-20260115-1");
        assertThat(DocumentFileName.parse("20100070970-01-F001-123.xml", "zip")).isEmpty();
        assertThat(DocumentFileName.parse("2010007097-01-F001-123.zip", "zip")).isEmpty();
        assertThat(DocumentFileName.parse("20100070970-09-T001-1.zip", "zip")).isEmpty();
        assertThat(DocumentFileName.parse("20100070970-01-F001-123456789.zip", "zip")).isEmpty();
    }

    @Test
    void returnCodesFallInSunatsRanges() {
        assertThat(ReturnCode.SERVICE_UNAVAILABLE.isException()).isTrue();
        assertThat(ReturnCode.ALREADY_REGISTERED.isException()).isTrue();
        assertThat(ReturnCode.CUSTOMER_TYPE_NOT_ALLOWED.isRejection()).isTrue();
        assertThat(ReturnCode.DOCUMENT_ALTERED.isRejection()).isTrue();
        assertThat(ReturnCode.ISSUER_UBIGEO_NOT_VALID.isObservation()).isTrue();
    }

    private static UblDocument read(String xml) throws Exception {
        return UblDocument.read(Xml.parse(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
