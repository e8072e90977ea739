package io.cuadra.billing.domain.receipt;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A numbered internal sale receipt, or the credit slip that takes part of one back, as it is printed. It is
 * not a tax document: countries without an integrated authority (CL, MX for now) get this numbered,
 * gap-free record of each sale per location instead of an electronic invoice.
 *
 * @param creditSlip     true for the counterpart of a returned or cancelled sale
 * @param number         e.g. {@code RV-000042}
 * @param customer       name, with its document when it has one; null for an anonymous sale
 * @param corrects       the receipt a credit slip corrects, null for a receipt
 * @param reason         why a credit slip was issued, null for a receipt
 */
public record InternalReceipt(boolean creditSlip, String number, LocalDateTime issuedAt, String issuerName,
                              String issuerTaxId, String issuerAddress, String customer, List<Line> lines,
                              ReceiptTotals totals, String corrects, String reason) {

    public InternalReceipt {
        Objects.requireNonNull(number, "number");
        lines = List.copyOf(lines);
        if (lines.size() != totals.lines().size()) {
            throw new IllegalArgumentException(number + ": " + lines.size() + " lines but " + totals.lines().size()
                    + " line amounts.");
        }
    }

    /** One printed line: quantity, description, what it cost with tax in the receipt's minor unit. */
    public record Line(BigDecimal quantity, String description, Money total) {
    }

    public String title() {
        return creditSlip ? "Nota de devolución" : "Comprobante de venta";
    }
}
