package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentTotals;
import io.cuadra.billing.domain.TaxScheme;
import io.cuadra.billing.domain.TaxSubtotal;
import org.w3c.dom.Element;

/** cac:TaxTotal at document and line level, and cac:LegalMonetaryTotal. */
final class UblTaxes {

    private UblTaxes() {
    }

    static void documentTaxTotal(UblTree t, Element root, DocumentTotals totals) {
        Element taxTotal = t.cac(root, "TaxTotal");
        t.amount(taxTotal, "TaxAmount", totals.totalTax());
        for (TaxSubtotal subtotal : totals.subtotalsInSchemeOrder()) {
            Element sub = t.cac(taxTotal, "TaxSubtotal");
            t.amount(sub, "TaxableAmount", subtotal.taxableAmount());
            t.amount(sub, "TaxAmount", subtotal.taxAmount());
            Element category = t.cac(sub, "TaxCategory");
            categoryId(t, category, subtotal.scheme());
            scheme(t, category, subtotal.scheme());
        }
    }

    static void lineTaxTotal(UblTree t, Element lineElement, DocumentLine line) {
        Element taxTotal = t.cac(lineElement, "TaxTotal");
        t.amount(taxTotal, "TaxAmount", line.taxAmount());
        Element sub = t.cac(taxTotal, "TaxSubtotal");
        t.amount(sub, "TaxableAmount", line.lineExtensionAmount());
        t.amount(sub, "TaxAmount", line.taxAmount());
        Element category = t.cac(sub, "TaxCategory");
        categoryId(t, category, line.taxScheme());
        t.cbc(category, "Percent", UblTree.plainDecimal(line.taxPercent()));
        t.cbc(category, "TaxExemptionReasonCode", line.affectation().sunatCode(),
                "listAgencyName", UblNames.SUNAT,
                "listName", "Afectacion del IGV",
                "listURI", UblNames.catalog("07"));
        scheme(t, category, line.taxScheme());
    }

    static void legalMonetaryTotal(UblTree t, Element root, DocumentTotals totals) {
        Element monetary = t.cac(root, "LegalMonetaryTotal");
        t.amount(monetary, "LineExtensionAmount", totals.lineExtensionAmount());
        t.amount(monetary, "TaxInclusiveAmount", totals.taxInclusiveAmount());
        t.amount(monetary, "PayableAmount", totals.payableAmount());
    }

    private static void categoryId(UblTree t, Element category, TaxScheme scheme) {
        t.cbc(category, "ID", scheme.categoryCode(),
                "schemeID", "UN/ECE 5305",
                "schemeName", "Tax Category Identifier",
                "schemeAgencyName", UblNames.UNECE);
    }

    private static void scheme(UblTree t, Element category, TaxScheme scheme) {
        Element taxScheme = t.cac(category, "TaxScheme");
        t.cbc(taxScheme, "ID", scheme.sunatCode(),
                "schemeName", "Codigo de tributos",
                "schemeAgencyName", UblNames.SUNAT,
                "schemeURI", UblNames.catalog("05"));
        t.cbc(taxScheme, "Name", scheme.ublName());
        t.cbc(taxScheme, "TaxTypeCode", scheme.taxTypeCode());
    }
}
