package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a document snapshot as SUNAT UBL 2.1: a factura or boleta as {@code Invoice}, a credit note as
 * {@code CreditNote}, with an empty {@code ext:ExtensionContent} waiting for the signature. Elements
 * follow the UBL 2.1 schema order. Stateless and thread-safe.
 */
public final class SunatUblWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A new DOM tree, ready for {@code XmlDocumentSigner#sign(Document)}. */
    public Document write(ElectronicDocument doc) {
        Document dom = XmlDocuments.newDocument();
        UblTree t = new UblTree(dom);
        boolean invoice = doc.kind().isInvoice();
        Element root = dom.createElementNS(invoice ? UblNames.INVOICE : UblNames.CREDIT_NOTE,
                invoice ? "Invoice" : "CreditNote");
        // Declared as attributes, not left to the serialiser's namespace fixup: the signature canonicalises
        // this in-memory tree, and a declaration missing here would make the parsed copy digest differently.
        root.setAttributeNS(UblNames.XMLNS, "xmlns", root.getNamespaceURI());
        root.setAttributeNS(UblNames.XMLNS, "xmlns:cac", UblNames.CAC);
        root.setAttributeNS(UblNames.XMLNS, "xmlns:cbc", UblNames.CBC);
        root.setAttributeNS(UblNames.XMLNS, "xmlns:ds", UblNames.DS);
        root.setAttributeNS(UblNames.XMLNS, "xmlns:ext", UblNames.EXT);
        dom.appendChild(root);

        signaturePlaceholder(dom, root);
        header(t, root, doc);
        if (!invoice) {
            creditNoteReference(t, root, doc.creditNote());
        }
        UblParties.signature(t, root, doc.issuer());
        UblParties.supplier(t, root, doc.issuer());
        UblParties.customer(t, root, doc.customer());
        if (doc.paymentTerms() != null) {
            paymentTerms(t, root, doc.paymentTerms());
        }
        UblTaxes.documentTaxTotal(t, root, doc.totals());
        UblTaxes.legalMonetaryTotal(t, root, doc.totals());
        List<DocumentLine> lines = doc.lines();
        for (int i = 0; i < lines.size(); i++) {
            UblLines.line(t, root, invoice, i + 1, lines.get(i));
        }
        return dom;
    }

    /** The unsigned XML as UTF-8 bytes. */
    public byte[] writeBytes(ElectronicDocument doc) {
        return XmlDocuments.serialize(write(doc));
    }

    private static void signaturePlaceholder(Document dom, Element root) {
        Element extensions = dom.createElementNS(UblNames.EXT, "ext:UBLExtensions");
        Element extension = dom.createElementNS(UblNames.EXT, "ext:UBLExtension");
        extension.appendChild(dom.createElementNS(UblNames.EXT, "ext:ExtensionContent"));
        extensions.appendChild(extension);
        root.appendChild(extensions);
    }

    private static void header(UblTree t, Element root, ElectronicDocument doc) {
        boolean invoice = doc.kind().isInvoice();
        String operation = doc.operationType().sunatCode();
        t.cbc(root, "UBLVersionID", "2.1");
        t.cbc(root, "CustomizationID", "2.0", "schemeAgencyName", UblNames.SUNAT);
        if (invoice) {
            t.cbc(root, "ProfileID", operation,
                    "schemeName", "Tipo de Operacion",
                    "schemeAgencyName", UblNames.SUNAT,
                    "schemeURI", UblNames.catalog("17"));
        }
        t.cbc(root, "ID", doc.id());
        t.cbc(root, "IssueDate", doc.issueDate().toString());
        t.cbc(root, "IssueTime", TIME.format(doc.issueTime()));
        if (invoice && doc.paymentTerms() instanceof PaymentTerms.Credit credit) {
            t.cbc(root, "DueDate", credit.instalments().get(credit.instalments().size() - 1).dueDate().toString());
        }
        if (invoice) {
            t.cbc(root, "InvoiceTypeCode", doc.kind().sunatCode(),
                    "listID", operation,
                    "listAgencyName", UblNames.SUNAT,
                    "listName", "Tipo de Documento",
                    "listURI", UblNames.catalog("01"),
                    "name", "Tipo de Operacion",
                    "listSchemeURI", UblNames.catalog("51"));
        }
        // Leyenda 1000 of catalog 52: the amount in words.
        t.cbc(root, "Note", doc.amountInWords(), "languageLocaleID", "1000");
        t.cbc(root, "DocumentCurrencyCode", doc.currency().getCurrencyCode(),
                "listID", "ISO 4217 Alpha",
                "listName", "Currency",
                "listAgencyName", UblNames.UNECE);
        t.cbc(root, "LineCountNumeric", Integer.toString(doc.lines().size()));
    }

    private static void creditNoteReference(UblTree t, Element root, CreditNoteReference ref) {
        Element discrepancy = t.cac(root, "DiscrepancyResponse");
        t.cbc(discrepancy, "ReferenceID", ref.originalNumber().id());
        t.cbc(discrepancy, "ResponseCode", ref.reason().sunatCode(),
                "listAgencyName", UblNames.SUNAT,
                "listName", "Tipo de nota de credito",
                "listURI", UblNames.catalog("09"));
        t.cbc(discrepancy, "Description", ref.reasonDescription());

        Element original = t.cac(t.cac(root, "BillingReference"), "InvoiceDocumentReference");
        t.cbc(original, "ID", ref.originalNumber().id());
        t.cbc(original, "DocumentTypeCode", ref.originalKind().sunatCode(),
                "listAgencyName", UblNames.SUNAT,
                "listName", "Tipo de Documento",
                "listURI", UblNames.catalog("01"));
    }

    private static void paymentTerms(UblTree t, Element root, PaymentTerms terms) {
        Element form = t.cac(root, "PaymentTerms");
        t.cbc(form, "ID", "FormaPago");
        t.cbc(form, "PaymentMeansID", terms.sunatLabel());
        if (terms instanceof PaymentTerms.Credit credit) {
            t.amount(form, "Amount", credit.pendingAmount());
            List<PaymentTerms.Instalment> instalments = credit.instalments();
            for (int i = 0; i < instalments.size(); i++) {
                Element cuota = t.cac(root, "PaymentTerms");
                t.cbc(cuota, "ID", "FormaPago");
                t.cbc(cuota, "PaymentMeansID", String.format("Cuota%03d", i + 1));
                t.amount(cuota, "Amount", instalments.get(i).amount());
                t.cbc(cuota, "PaymentDueDate", instalments.get(i).dueDate().toString());
            }
        }
    }
}
