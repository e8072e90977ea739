package io.cuadra.sunat.simulator;

import static io.cuadra.sunat.simulator.Xml.CAC;
import static io.cuadra.sunat.simulator.Xml.CBC;

import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The few facts SUNAT reads from a received UBL document before and while validating it. */
record UblDocument(
        Document dom,
        String rootName,
        String id,
        String typeCode,
        String operationType,
        String issuerRuc,
        Optional<PartyIdentity> customer,
        Optional<String> issuerUbigeo) {

    /** A customer identity as catalogue 06 codes it: schemeID is the type (1 DNI, 6 RUC, ...). */
    record PartyIdentity(String typeCode, String number) {
    }

    static UblDocument read(Document dom) {
        Element root = dom.getDocumentElement();
        String rootName = root.getLocalName();
        String id = Xml.child(root, CBC, "ID").map(Xml::text).orElse("");
        Optional<Element> invoiceTypeCode = Xml.child(root, CBC, "InvoiceTypeCode");
        String typeCode = switch (rootName) {
            case "Invoice" -> invoiceTypeCode.map(Xml::text).orElse("");
            case "CreditNote" -> "07";
            case "DebitNote" -> "08";
            case "SummaryDocuments" -> "RC";
            case "VoidedDocuments" -> "RA";
            default -> "";
        };
        String operationType = invoiceTypeCode.map(e -> e.getAttribute("listID")).orElse("");
        return new UblDocument(dom, rootName, id, typeCode, operationType, issuerRuc(root), customer(root),
                Xml.path(root, CAC, "AccountingSupplierParty", CAC, "Party", CAC, "PartyLegalEntity",
                        CAC, "RegistrationAddress", CBC, "ID").map(Xml::text));
    }

    /** UBL 2.1 documents name the issuer in PartyIdentification; summaries keep UBL 2.0's CustomerAssignedAccountID. */
    private static String issuerRuc(Element root) {
        return Xml.path(root, CAC, "AccountingSupplierParty", CAC, "Party", CAC, "PartyIdentification", CBC, "ID")
                .or(() -> Xml.path(root, CAC, "AccountingSupplierParty", CBC, "CustomerAssignedAccountID"))
                .map(Xml::text)
                .orElse("");
    }

    private static Optional<PartyIdentity> customer(Element root) {
        return Xml.path(root, CAC, "AccountingCustomerParty", CAC, "Party", CAC, "PartyIdentification", CBC, "ID")
                .map(e -> new PartyIdentity(e.getAttribute("schemeID").strip(), Xml.text(e)));
    }

    String series() {
        int dash = id.indexOf('-');
        return dash < 0 ? "" : id.substring(0, dash);
    }

    String number() {
        int dash = id.lastIndexOf('-');
        return dash < 0 ? "" : id.substring(dash + 1);
    }

    /** How SUNAT's CDR names the document in its description: "La Factura numero F001-1, ha sido aceptada". */
    String kindName() {
        return switch (typeCode) {
            case "01" -> "Factura";
            case "03" -> "Boleta";
            case "07" -> "Nota de Credito";
            case "08" -> "Nota de Debito";
            case "RC" -> "Resumen diario";
            case "RA" -> "Comunicacion de baja";
            default -> "Comprobante";
        };
    }
}
