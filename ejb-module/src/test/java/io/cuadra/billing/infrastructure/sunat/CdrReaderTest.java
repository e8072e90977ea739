package io.cuadra.billing.infrastructure.sunat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class CdrReaderTest {

    /** The shape of a CDR from SUNAT's billService, signature left out. */
    static String cdrXml(String code, String description, String notes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ar:ApplicationResponse xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
                    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
                  <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent/></ext:UBLExtension></ext:UBLExtensions>
                  <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
                  <cbc:CustomizationID>1.0</cbc:CustomizationID>
                  <cbc:ID>202600000000123</cbc:ID>
                  <cbc:IssueDate>2026-01-15</cbc:IssueDate>
                  <cbc:IssueTime>10:09:27</cbc:IssueTime>
                  <cbc:ResponseDate>2026-01-15</cbc:ResponseDate>
                  <cbc:ResponseTime>10:09:27</cbc:ResponseTime>
                  %s
                  <cac:SenderParty><cac:PartyIdentification><cbc:ID>20131312955</cbc:ID></cac:PartyIdentification></cac:SenderParty>
                  <cac:ReceiverParty><cac:PartyIdentification><cbc:ID>R-20100070970</cbc:ID></cac:PartyIdentification></cac:ReceiverParty>
                  <cac:DocumentResponse>
                    <cac:Response>
                      <cbc:ReferenceID>F001-1</cbc:ReferenceID>
                      <cbc:ResponseCode>%s</cbc:ResponseCode>
                      <cbc:Description>%s</cbc:Description>
                    </cac:Response>
                    <cac:DocumentReference><cbc:ID>F001-1</cbc:ID></cac:DocumentReference>
                    <cac:RecipientParty><cac:PartyIdentification><cbc:ID>6-20131312955</cbc:ID></cac:PartyIdentification></cac:RecipientParty>
                  </cac:DocumentResponse>
                </ar:ApplicationResponse>
                """.formatted(notes, code, description);
    }

    /** SUNAT zips the XML with an empty "dummy/" folder beside it. */
    static byte[] cdrZip(String xml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("dummy/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("R-20100070970-01-F001-1.xml"));
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void readsCodeDescriptionAndReferenceOfAnAcceptedCdr() throws IOException {
        Cdr cdr = CdrReader.read(cdrZip(cdrXml("0", "La Factura numero F001-1, ha sido aceptada", "")));

        assertThat(cdr.responseCode()).isEqualTo("0");
        assertThat(cdr.description()).isEqualTo("La Factura numero F001-1, ha sido aceptada");
        assertThat(cdr.referenceId()).isEqualTo("F001-1");
        assertThat(cdr.notes()).isEmpty();
    }

    @Test
    void readsObservationNotesWithTheirCodes() throws IOException {
        Cdr cdr = CdrReader.read(cdrZip(cdrXml("0", "La Factura numero F001-1, ha sido aceptada", """
                <cbc:Note>4287 - El precio unitario de la operación que está informando difiere de los cálculos</cbc:Note>
                <cbc:Note>4093 - El codigo de ubigeo del domicilio fiscal del emisor no es válido</cbc:Note>
                """)));

        assertThat(cdr.notes()).containsExactly(
                new SunatNote("4287", "El precio unitario de la operación que está informando difiere de los cálculos"),
                new SunatNote("4093", "El codigo de ubigeo del domicilio fiscal del emisor no es válido"));
    }

    @Test
    void readsObservationsInTheStatusLayoutOfOses() throws IOException {
        String xml = cdrXml("0", "Documento aceptado", "").replace("</cac:Response>", """
                  <cac:Status>
                    <cbc:StatusReasonCode listURI="urn:pe:gob:sunat:cpe:see:gem:codigos:codigoretorno">4256</cbc:StatusReasonCode>
                    <cbc:StatusReason>El dato ingresado como atributo @schemeAgencyName es incorrecto.</cbc:StatusReason>
                  </cac:Status>
                </cac:Response>""");

        assertThat(CdrReader.read(cdrZip(xml)).notes())
                .containsExactly(new SunatNote("4256", "El dato ingresado como atributo @schemeAgencyName es incorrecto."));
    }

    @Test
    void refusesACdrWithoutResponseCode() throws IOException {
        byte[] zip = cdrZip(cdrXml("", "x", ""));

        assertThatThrownBy(() -> CdrReader.read(zip)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ResponseCode");
    }

    @Test
    void refusesBytesThatAreNotAZipWithOneXml() {
        assertThatThrownBy(() -> CdrReader.read("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 0");
    }

    @Test
    void refusesAnXmlThatIsNotAnApplicationResponse() throws IOException {
        byte[] zip = cdrZip("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>");

        assertThatThrownBy(() -> CdrReader.read(zip)).hasMessageContaining("not an ApplicationResponse");
    }

    @Test
    void refusesDoctypesFromTheNetwork() throws IOException {
        byte[] zip = cdrZip("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>");

        assertThatThrownBy(() -> CdrReader.read(zip)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be parsed");
    }
}
