package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import io.cuadra.billing.domain.receipt.InternalReceipt;
import io.cuadra.billing.domain.receipt.ReceiptTotals;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An internal sale receipt or credit slip on A4, in Spanish (the countries on this regime speak it): issuer
 * with the logo, title and number, customer, lines with what each cost, the tax per rate split out of the
 * total, the total, and the plain statement that it is not a tax document.
 */
final class InternalReceiptLayout {

    private static final float MARGIN = 40;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final InternalReceipt receipt;
    private final byte[] logoOrNull;
    private final NumberFormat money;
    private final PdfStyle style = PdfStyle.a4();

    InternalReceiptLayout(InternalReceipt receipt, byte[] logoOrNull) {
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.logoOrNull = logoOrNull;
        this.money = format(receipt.totals());
    }

    byte[] render() {
        return PdfFile.write(PageSize.A4, MARGIN, receipt.title() + " " + receipt.number(), receipt.issuerName(),
                (document, writer) -> {
                    for (PdfPTable part : List.of(header(), lines(), totals(), footer())) {
                        document.add(part);
                    }
                });
    }

    private PdfPTable header() {
        List<String> issuer = new ArrayList<>(List.of(receipt.issuerName(), receipt.issuerTaxId()));
        if (receipt.issuerAddress() != null) {
            issuer.add(receipt.issuerAddress());
        }
        List<String> heading = new ArrayList<>(List.of("N° " + receipt.number(),
                "Fecha: " + receipt.issuedAt().format(WHEN)));
        if (receipt.corrects() != null) {
            heading.add("Corrige: " + receipt.corrects());
        }
        if (receipt.reason() != null) {
            heading.add("Motivo: " + receipt.reason());
        }
        heading.add("Cliente: " + (receipt.customer() == null ? "Cliente sin identificar" : receipt.customer()));
        PdfPTable right = PdfStyle.table(1);
        right.addCell(style.right(receipt.title(), style.title));
        heading.forEach(line -> right.addCell(style.right(line, style.body)));
        return PdfStyle.beside(style.identity(logoOrNull, issuer), right, 55, 14);
    }

    private PdfPTable lines() {
        PdfPTable table = PdfStyle.table(12, 63, 25);
        table.addCell(style.columnHeader("Cant.", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("Descripción", Element.ALIGN_LEFT));
        table.addCell(style.columnHeader("Importe", Element.ALIGN_RIGHT));
        table.setHeaderRows(1);
        for (InternalReceipt.Line line : receipt.lines()) {
            table.addCell(style.underlined(style.right(quantity(line.quantity()), style.body)));
            table.addCell(style.underlined(style.left(line.description(), style.body)));
            table.addCell(style.underlined(style.right(amount(line.total()), style.body)));
        }
        table.setSpacingAfter(12);
        return table;
    }

    private PdfPTable totals() {
        PdfPTable sums = PdfStyle.table(60, 40);
        for (ReceiptTotals.RateTotal rate : receipt.totals().rates()) {
            if (rate.percent().signum() == 0) {
                sums.addCell(style.right("Exento:", style.bodyBold));
                sums.addCell(style.right(amount(rate.gross()), style.body));
                continue;
            }
            String percent = rate.percent().toPlainString();
            sums.addCell(style.right("Neto " + percent + " %:", style.bodyBold));
            sums.addCell(style.right(amount(rate.base()), style.body));
            sums.addCell(style.right("IVA " + percent + " %:", style.bodyBold));
            sums.addCell(style.right(amount(rate.tax()), style.body));
        }
        style.grandTotal(sums, "Total:", amount(receipt.totals().total()));
        return PdfStyle.footing(new float[]{50, 50}, style.left("", style.body), PdfStyle.wrap(sums));
    }

    private PdfPTable footer() {
        PdfPTable footer = PdfStyle.table(1);
        footer.addCell(style.left("Documento interno sin validez tributaria. IVA incluido en los importes.",
                style.small));
        return footer;
    }

    private String amount(Money amount) {
        return money.format(amount.amount());
    }

    /** "$11.900" in pesos, "$1,160.00" in Mexican pesos: the currency's country's usage, its minor unit. */
    private static NumberFormat format(ReceiptTotals totals) {
        String code = totals.currency().getCurrencyCode();
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("es-" + code.substring(0, 2)));
        f.setCurrency(totals.currency());
        f.setMinimumFractionDigits(Math.max(0, totals.currency().getDefaultFractionDigits()));
        f.setMaximumFractionDigits(Math.max(0, totals.currency().getDefaultFractionDigits()));
        return f;
    }

    private static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
