package io.cuadra.sunat.simulator;

/** Small but well-formed UBL documents as SUNAT expects them, unsigned (sign them with {@link TestSigner}). */
public final class TestDocuments {

    public static final String ISSUER_RUC = "20100070970";
    public static final String CUSTOMER_RUC = "20131312955";

    private TestDocuments() {
    }

    /** A factura/boleta with one line; every part that the simulator's rules read can be changed. */
    public record Invoice(String issuerRuc, String typeCode, String series, String number, String customerType,
                   String customerNumber, String issuerUbigeo) {

        public static Invoice factura(String series, int number) {
            return new Invoice(ISSUER_RUC, "01", series, String.valueOf(number), "6", CUSTOMER_RUC, "150101");
        }

        public static Invoice boleta(String series, int number) {
            return new Invoice(ISSUER_RUC, "03", series, String.valueOf(number), "1", "46027897", "150101");
        }

        public Invoice customer(String type, String number) {
            return new Invoice(issuerRuc, typeCode, series, this.number, type, number, issuerUbigeo);
        }

        public Invoice issuerUbigeo(String ubigeo) {
            return new Invoice(issuerRuc, typeCode, series, number, customerType, customerNumber, ubigeo);
        }

        public Invoice issuer(String ruc) {
            return new Invoice(ruc, typeCode, series, number, customerType, customerNumber, issuerUbigeo);
        }

        public String id() {
            return series + "-" + number;
        }

        /** The name SUNAT requires, without extension. */
        public String fileBaseName() {
            return issuerRuc + "-" + typeCode + "-" + series + "-" + number;
        }

        public String xml() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                             xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                             xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                             xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
                      <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent/></ext:UBLExtension></ext:UBLExtensions>
                      <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
                      <cbc:CustomizationID>2.0</cbc:CustomizationID>
                      <cbc:ID>%s</cbc:ID>
                      <cbc:IssueDate>2026-01-15</cbc:IssueDate>
                      <cbc:InvoiceTypeCode listID="0101">%s</cbc:InvoiceTypeCode>
                      <cbc:DocumentCurrencyCode>PEN</cbc:DocumentCurrencyCode>
                      <cac:AccountingSupplierParty><cac:Party>
                        <cac:PartyIdentification><cbc:ID schemeID="6">%s</cbc:ID></cac:PartyIdentification>
                        <cac:PartyLegalEntity>
                          <cbc:RegistrationName>Bodega Cuadra S.A.C.</cbc:RegistrationName>
                          <cac:RegistrationAddress><cbc:ID>%s</cbc:ID><cbc:AddressTypeCode>0000</cbc:AddressTypeCode></cac:RegistrationAddress>
                        </cac:PartyLegalEntity>
                      </cac:Party></cac:AccountingSupplierParty>
                      <cac:AccountingCustomerParty><cac:Party>
                        <cac:PartyIdentification><cbc:ID schemeID="%s">%s</cbc:ID></cac:PartyIdentification>
                        <cac:PartyLegalEntity><cbc:RegistrationName>Cliente de prueba</cbc:RegistrationName></cac:PartyLegalEntity>
                      </cac:Party></cac:AccountingCustomerParty>
                      <cac:TaxTotal>
                        <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
                        <cac:TaxSubtotal>
                          <cbc:TaxableAmount currencyID="PEN">100.00</cbc:TaxableAmount>
                          <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
                          <cac:TaxCategory><cac:TaxScheme><cbc:ID>1000</cbc:ID><cbc:Name>IGV</cbc:Name><cbc:TaxTypeCode>VAT</cbc:TaxTypeCode></cac:TaxScheme></cac:TaxCategory>
                        </cac:TaxSubtotal>
                      </cac:TaxTotal>
                      <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="PEN">118.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
                      <cac:InvoiceLine>
                        <cbc:ID>1</cbc:ID>
                        <cbc:InvoicedQuantity unitCode="NIU">1</cbc:InvoicedQuantity>
                        <cbc:LineExtensionAmount currencyID="PEN">100.00</cbc:LineExtensionAmount>
                        <cac:Item><cbc:Description>Arroz extra 5 kg</cbc:Description></cac:Item>
                        <cac:Price><cbc:PriceAmount currencyID="PEN">100.00</cbc:PriceAmount></cac:Price>
                      </cac:InvoiceLine>
                    </Invoice>
                    """.formatted(id(), typeCode, issuerRuc, issuerUbigeo, customerType, customerNumber);
        }
    }

    /** A daily summary of boletas (resumen diario, RC), sent with sendSummary. */
    public static String dailySummary(String id, String issuerRuc) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SummaryDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1"
                                  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                                  xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
                                  xmlns:sac="urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1">
                  <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent/></ext:UBLExtension></ext:UBLExtensions>
                  <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
                  <cbc:CustomizationID>1.1</cbc:CustomizationID>
                  <cbc:ID>%s</cbc:ID>
                  <cbc:ReferenceDate>2026-01-15</cbc:ReferenceDate>
                  <cbc:IssueDate>2026-01-16</cbc:IssueDate>
                  <cac:AccountingSupplierParty>
                    <cbc:CustomerAssignedAccountID>%s</cbc:CustomerAssignedAccountID>
                    <cbc:AdditionalAccountID>6</cbc:AdditionalAccountID>
                    <cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Bodega Cuadra S.A.C.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party>
                  </cac:AccountingSupplierParty>
                  <sac:SummaryDocumentsLine>
                    <cbc:LineID>1</cbc:LineID>
                    <cbc:DocumentTypeCode>03</cbc:DocumentTypeCode>
                    <cbc:ID>B001-1</cbc:ID>
                    <cac:Status><cbc:ConditionCode>1</cbc:ConditionCode></cac:Status>
                    <sac:TotalAmount currencyID="PEN">118.00</sac:TotalAmount>
                  </sac:SummaryDocumentsLine>
                </SummaryDocuments>
                """.formatted(id, issuerRuc);
    }
}
