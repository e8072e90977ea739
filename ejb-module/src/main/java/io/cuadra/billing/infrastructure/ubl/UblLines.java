package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.billing.domain.DocumentLine;
import org.w3c.dom.Element;

/** cac:InvoiceLine / cac:CreditNoteLine. */
final class UblLines {

    private UblLines() {
    }

    static void line(UblTree t, Element root, boolean invoice, int position, DocumentLine line) {
        String currency = line.currency().getCurrencyCode();
        Element e = t.cac(root, invoice ? "InvoiceLine" : "CreditNoteLine");
        t.cbc(e, "ID", Integer.toString(position));
        t.cbc(e, invoice ? "InvoicedQuantity" : "CreditedQuantity", UblTree.plainDecimal(line.quantity()),
                "unitCode", line.unitCode(),
                "unitCodeListID", "UN/ECE rec 20",
                "unitCodeListAgencyName", UblNames.UNECE);
        t.amount(e, "LineExtensionAmount", line.lineExtensionAmount());

        // Catalog 16 price type 01: unit price including taxes, as sold.
        Element price = t.cac(t.cac(e, "PricingReference"), "AlternativeConditionPrice");
        t.unitAmount(price, "PriceAmount", line.unitPrice(), currency);
        t.cbc(price, "PriceTypeCode", "01",
                "listName", "Tipo de Precio",
                "listAgencyName", UblNames.SUNAT,
                "listURI", UblNames.catalog("16"));

        // UBL 2.1 puts the line's allowance before its TaxTotal in an Invoice and after it in a CreditNote.
        if (invoice) {
            allowance(t, e, line);
        }
        UblTaxes.lineTaxTotal(t, e, line);
        if (!invoice) {
            allowance(t, e, line);
        }

        Element item = t.cac(e, "Item");
        t.cbc(item, "Description", line.description());
        if (line.code() != null) {
            t.cbc(t.cac(item, "SellersItemIdentification"), "ID", line.code());
        }
        t.unitAmount(t.cac(e, "Price"), "PriceAmount", line.unitValue(), currency);
    }

    /**
     * Catalog 53 code 00: a discount that lowers the taxable base. The line extension amount is already net
     * of it, and base amount - amount = line extension amount to the cent.
     */
    private static void allowance(UblTree t, Element line, DocumentLine l) {
        if (!l.isDiscounted()) {
            return;
        }
        Element allowance = t.cac(line, "AllowanceCharge");
        t.cbc(allowance, "ChargeIndicator", "false");
        t.cbc(allowance, "AllowanceChargeReasonCode", "00",
                "listAgencyName", UblNames.SUNAT,
                "listName", "Cargo/descuento",
                "listURI", UblNames.catalog("53"));
        t.cbc(allowance, "MultiplierFactorNumeric", l.discountFactor().toPlainString());
        t.amount(allowance, "Amount", l.discount());
        t.amount(allowance, "BaseAmount", l.valueBeforeDiscount());
    }
}
