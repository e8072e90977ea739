package io.cuadra.notifications.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The few words templates need that come from codes: document kinds and discrepancy types, per language. */
public final class Wording {

    private static final Map<String, Map<String, String>> KINDS = Map.of(
            "es", Map.of("FACTURA", "Factura", "BOLETA", "Boleta de venta", "FACTURE", "Factura",
                    "RECEIPT", "Comprobante de venta",
                    "CREDIT_NOTE", "Nota de crédito", "AVOIR", "Nota de crédito", "CREDIT_SLIP", "Nota de devolución"),
            "en", Map.of("FACTURA", "Invoice", "BOLETA", "Sales receipt", "FACTURE", "Invoice",
                    "RECEIPT", "Sales receipt",
                    "CREDIT_NOTE", "Credit note", "AVOIR", "Credit note", "CREDIT_SLIP", "Refund slip"),
            "fr", Map.of("FACTURA", "Facture", "BOLETA", "Ticket de vente", "FACTURE", "Facture",
                    "RECEIPT", "Reçu de vente",
                    "CREDIT_NOTE", "Note de crédit", "AVOIR", "Avoir", "CREDIT_SLIP", "Bon de remboursement"));

    private static final Map<String, Map<String, String>> DISCREPANCIES = Map.of(
            "es", Map.of("MISSING_INVOICE", "Venta sin comprobante", "MISSING_ORDER", "Comprobante sin venta",
                    "AMOUNT_MISMATCH", "Importe distinto", "PAYMENT_MISMATCH", "Pagos que no cuadran"),
            "en", Map.of("MISSING_INVOICE", "Sale without an invoice", "MISSING_ORDER", "Invoice without a sale",
                    "AMOUNT_MISMATCH", "Amounts differ", "PAYMENT_MISMATCH", "Payments do not add up"),
            "fr", Map.of("MISSING_INVOICE", "Vente sans facture", "MISSING_ORDER", "Facture sans vente",
                    "AMOUNT_MISMATCH", "Montants différents", "PAYMENT_MISMATCH", "Paiements incohérents"));

    private Wording() {
    }

    public static String documentKind(String kind, String language) {
        return KINDS.get(Language.of(language)).getOrDefault(kind, kind);
    }

    public static String discrepancyType(String type, String language) {
        return DISCREPANCIES.get(Language.of(language)).getOrDefault(type, type);
    }

    /** "PEN 118.00", "CLP 4460": the currency's own decimals (two when unknown), half up, its code first. */
    public static String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "-";
        }
        int digits = 2;
        try {
            digits = currency == null ? 2 : Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            // not an ISO 4217 code: two decimals
        }
        return (currency == null ? "" : currency + " ") + amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
